// Colombian banks with their ACH/PSE codes (GET /v1/banks). Codes are the 4-digit
// Superfinanciera/ACH Colombia codes most integrations use; names uppercase as Mono shows them.
import type { TMonoBank, TMonoBankAccountType } from "../lib/mono/contract";

const BOTH: TMonoBankAccountType[] = ["savings_account", "checking_account"];
const SAVINGS: TMonoBankAccountType[] = ["savings_account"];

export const TRANSFER_BANKS: TMonoBank[] = [
  { code: "1001", name: "BANCO DE BOGOTA", account_types: BOTH },
  { code: "1002", name: "BANCO POPULAR", account_types: BOTH },
  { code: "1006", name: "BANCO ITAU", account_types: BOTH },
  { code: "1007", name: "BANCOLOMBIA", account_types: BOTH },
  { code: "1009", name: "CITIBANK", account_types: BOTH },
  { code: "1012", name: "BANCO GNB SUDAMERIS", account_types: BOTH },
  { code: "1013", name: "BBVA COLOMBIA", account_types: BOTH },
  { code: "1019", name: "SCOTIABANK COLPATRIA", account_types: BOTH },
  { code: "1023", name: "BANCO DE OCCIDENTE", account_types: BOTH },
  { code: "1032", name: "BANCO CAJA SOCIAL", account_types: BOTH },
  { code: "1040", name: "BANCO AGRARIO", account_types: BOTH },
  { code: "1051", name: "BANCO DAVIVIENDA", account_types: BOTH },
  { code: "1052", name: "BANCO AV VILLAS", account_types: BOTH },
  { code: "1059", name: "BANCAMIA", account_types: SAVINGS },
  { code: "1060", name: "BANCO PICHINCHA", account_types: BOTH },
  { code: "1061", name: "BANCOOMEVA", account_types: BOTH },
  { code: "1062", name: "BANCO FALABELLA", account_types: BOTH },
  { code: "1063", name: "BANCO FINANDINA", account_types: SAVINGS },
  { code: "1066", name: "BANCO COOPERATIVO COOPCENTRAL", account_types: BOTH },
  { code: "1069", name: "BANCO SERFINANZA", account_types: BOTH },
  { code: "1070", name: "LULO BANK", account_types: SAVINGS },
  { code: "1151", name: "RAPPIPAY", account_types: SAVINGS },
  { code: "1283", name: "CFA COOPERATIVA FINANCIERA", account_types: SAVINGS },
  { code: "1292", name: "CONFIAR COOPERATIVA FINANCIERA", account_types: SAVINGS },
  { code: "1507", name: "NEQUI", account_types: SAVINGS },
  { code: "1551", name: "DAVIPLATA", account_types: SAVINGS },
  { code: "1801", name: "MOVII", account_types: SAVINGS },
  { code: "1809", name: "NU COLOMBIA", account_types: SAVINGS },
];

export const PSE_BANKS: TMonoBank[] = TRANSFER_BANKS.filter(
  (b) => !["1009", "1066", "1283"].includes(b.code),
).map(({ code, name }) => ({ code, name }));

const CODES = new Set(TRANSFER_BANKS.map((b) => b.code));
export function isTransferBank(code: string): boolean {
  return CODES.has(code);
}
