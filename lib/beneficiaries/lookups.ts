import "server-only";
import { sqlDb } from "../db";

// The beneficiary lookups of the one search box, each an equality on an indexed column of
// "Beneficiary" or "BrebResolution" (migration 20261204181500).

export type TBeneficiaryRow = {
  id: string;
  bankCode: string;
  accountNumber: string;
  accountType: string | null;
  name: string;
  documentType: string | null;
  documentNumber: string | null;
  email: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

const COLS = [
  "id",
  "bankCode",
  "accountNumber",
  "accountType",
  "name",
  "documentType",
  "documentNumber",
  "email",
  "firstSeenAt",
  "lastSeenAt",
] as const;
const LIMIT = 20;
const ben = () => sqlDb.selectFrom("Beneficiary").select(COLS);

export const beneficiaryLookups = {
  byId: (id: string): Promise<TBeneficiaryRow | undefined> =>
    ben().where("id", "=", id).executeTakeFirst(),
  byBankAccount: (bankCode: string, accountNumber: string): Promise<TBeneficiaryRow | undefined> =>
    ben()
      .where("bankCode", "=", bankCode)
      .where("accountNumber", "=", accountNumber)
      .executeTakeFirst(),
  byDocument: (v: string): Promise<TBeneficiaryRow[]> =>
    ben().where("documentNumber", "=", v).orderBy("lastSeenAt", "desc").limit(LIMIT).execute(),
  byAccount: (v: string): Promise<TBeneficiaryRow[]> =>
    ben().where("accountNumber", "=", v).orderBy("lastSeenAt", "desc").limit(LIMIT).execute(),
  byBankTail: (bankCode: string, last4: string): Promise<TBeneficiaryRow[]> =>
    ben()
      .where("bankCode", "=", bankCode)
      .where("accountLast4", "=", last4)
      .orderBy("lastSeenAt", "desc")
      .limit(LIMIT)
      .execute(),
  byEmail: (v: string): Promise<TBeneficiaryRow[]> =>
    ben().where("email", "=", v.toLowerCase()).orderBy("lastSeenAt", "desc").limit(LIMIT).execute(),
  // A Bre-B key leads to the accounts it resolved to, then to the beneficiaries on those accounts.
  byBrebKey: async (v: string): Promise<TBeneficiaryRow[]> => {
    const accounts = await sqlDb
      .selectFrom("BrebResolution")
      .select("accountNumber")
      .where("keyValue", "=", v)
      .orderBy("resolvedAt", "desc")
      .limit(LIMIT)
      .execute();
    const unique = [...new Set(accounts.map((a) => a.accountNumber))];
    if (unique.length === 0) return [];
    return ben()
      .where((eb) => eb("accountNumber", "=", eb.fn.any(eb.val(unique))))
      .limit(LIMIT)
      .execute();
  },
};
