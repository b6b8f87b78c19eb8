import { ZTransferRow, type TTransferRow } from "@/lib/operations/schemas";
import type { TApiFieldError } from "../api-client";
import { parsePesos } from "../money/parse";
import { parseCsv } from "./csv";

// One editable transfer row as typed (amount in pesos, as text) and its validation.
export type TRowDraft = {
  amount: string;
  bankCode: string;
  accountType: string;
  accountNumber: string;
  name: string;
  documentType: string;
  documentNumber: string;
  email: string;
  description: string;
  // Only for a row that looks like a duplicate (see duplicateRows and the server's detector).
  duplicateReason: string;
};
export type TRowField = keyof TRowDraft;
export const ROW_FIELDS: TRowField[] = [
  "amount",
  "bankCode",
  "accountType",
  "accountNumber",
  "name",
  "documentType",
  "documentNumber",
  "email",
  "description",
  "duplicateReason",
];
export const EMPTY_ROW: TRowDraft = {
  amount: "",
  bankCode: "",
  accountType: "savings_account",
  accountNumber: "",
  name: "",
  documentType: "CC",
  documentNumber: "",
  email: "",
  description: "",
  duplicateReason: "",
};
/** True while a row is exactly as added: nothing typed or chosen yet. */
export function isPristine(d: TRowDraft): boolean {
  return ROW_FIELDS.every((f) => d[f] === EMPTY_ROW[f]);
}
export const CSV_TEMPLATE =
  'amount,bank_code,account_type,account_number,name,document_type,document_number,email,description\n"150.000",1007,savings,12345678901,María Gómez,CC,1020304050,,Reembolso';

const HEADER_ALIASES: Record<string, TRowField> = {
  amount: "amount",
  monto: "amount",
  valor: "amount",
  bank_code: "bankCode",
  bankcode: "bankCode",
  bank: "bankCode",
  banco: "bankCode",
  account_type: "accountType",
  accounttype: "accountType",
  tipo_cuenta: "accountType",
  account_number: "accountNumber",
  accountnumber: "accountNumber",
  account: "accountNumber",
  cuenta: "accountNumber",
  name: "name",
  nombre: "name",
  payee: "name",
  document_type: "documentType",
  documenttype: "documentType",
  tipo_documento: "documentType",
  document_number: "documentNumber",
  documentnumber: "documentNumber",
  document: "documentNumber",
  documento: "documentNumber",
  email: "email",
  correo: "email",
  description: "description",
  descripcion: "description",
  concepto: "description",
};

const ACCOUNT_TYPES: Record<string, string> = {
  savings: "savings_account",
  savings_account: "savings_account",
  ahorros: "savings_account",
  checking: "checking_account",
  checking_account: "checking_account",
  corriente: "checking_account",
};

/** What was wrong with an uploaded file, for the screen to say in the person's language. */
export type TCsvProblem =
  | { kind: "empty" }
  | { kind: "missing"; columns: string[]; header: string }
  | { kind: "tooMany"; rows: number };
export type TCsvRead = { rows: TRowDraft[]; error: string | null; problem?: TCsvProblem };

export function rowsFromCsv(text: string): TCsvRead {
  const records = parseCsv(text);
  if (records.length === 0)
    return { rows: [], error: "The file is empty", problem: { kind: "empty" } };
  const header = records[0].map((h) => HEADER_ALIASES[h.trim().toLowerCase().replace(/\s+/g, "_")]);
  const missing = (
    ["amount", "bankCode", "accountNumber", "name", "documentNumber"] as TRowField[]
  ).filter((f) => !header.includes(f));
  if (missing.length)
    return {
      rows: [],
      error: `Missing columns: ${missing.join(", ")}. Expected a header like: ${CSV_TEMPLATE.split("\n")[0]}`,
      problem: { kind: "missing", columns: missing, header: CSV_TEMPLATE.split("\n")[0] },
    };
  const rows = records.slice(1).map((rec) => {
    const d: TRowDraft = { ...EMPTY_ROW };
    header.forEach((f, i) => {
      if (f) d[f] = (rec[i] ?? "").trim();
    });
    d.accountType = ACCOUNT_TYPES[d.accountType.toLowerCase()] ?? d.accountType;
    d.documentType = d.documentType.toUpperCase() || "CC";
    return d;
  });
  if (rows.length > 1000)
    return {
      rows: rows.slice(0, 1000),
      error: `The file has ${rows.length} rows; a batch takes at most 1,000. Only the first 1,000 were loaded.`,
      problem: { kind: "tooMany", rows: rows.length },
    };
  return { rows, error: null };
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

// The API's own row schema decides, plus the bank code must be one Mono knows.
// The messages are English, like the API's; the grid shows them in the person's language
// (components/forms/validation-text.ts).
export function validateRow(
  d: TRowDraft,
  bankCodes: Set<string> | null,
): { row: TTransferRow | null; errors: Partial<Record<TRowField, string>> } {
  const errors: Partial<Record<TRowField, string>> = {};
  const amount = parsePesos(d.amount);
  if (!amount.ok) errors.amount = amount.error;
  const r = ZTransferRow.safeParse({
    amount: amount.ok ? amount.minor : 1,
    beneficiary: {
      bankCode: d.bankCode.trim(),
      accountType: d.accountType,
      accountNumber: d.accountNumber.trim(),
      name: d.name.trim(),
      documentType: d.documentType,
      documentNumber: d.documentNumber.trim(),
      email: opt(d.email),
    },
    description: opt(d.description),
    duplicateReason: opt(d.duplicateReason),
  });
  if (!r.success) {
    for (const i of r.error.issues) {
      const f = (i.path[0] === "beneficiary" ? i.path[1] : i.path[0]) as TRowField;
      errors[f] ??=
        f === "accountType"
          ? "savings or checking"
          : f === "documentType"
            ? "CC, CE, NIT, PP or TI"
            : i.message;
    }
  }
  if (!errors.bankCode && bankCodes && !bankCodes.has(d.bankCode.trim()))
    errors.bankCode = "Not a bank Mono knows";
  return {
    row: r.success && amount.ok && Object.keys(errors).length === 0 ? r.data : null,
    errors,
  };
}

/**
 * A grid cell's error: the browser's own check (an English message, shown by useValidationText)
 * or the server's whole field error (its code and params, shown by useFieldErrorText).
 */
export type TCellError = string | TApiFieldError;
export type TRowErrors = Partial<Record<TRowField, TCellError>>;

// Server field errors ("/rows/2/beneficiary/accountNumber") → row index and grid field, each kept
// whole so the grid words it in the person's language.
export function serverRowErrors(errors: TApiFieldError[] | undefined): Map<number, TRowErrors> {
  const out = new Map<number, TRowErrors>();
  for (const e of errors ?? []) {
    const m = /^\/rows\/(\d+)\/(?:beneficiary\/)?(\w+)/.exec(e.path);
    if (!m) continue;
    const i = Number(m[1]);
    const f = m[2] as TRowField;
    out.set(i, { ...out.get(i), [ROW_FIELDS.includes(f) ? f : "amount"]: e });
  }
  return out;
}

// Rows that pay the same account the same amount as an earlier row of the batch: row index → that
// earlier row's index. The server's duplicate detector says the same (and also compares recent
// payouts and transfers); flagging here lets the maker give each a reason before submitting.
export function duplicateRows(
  rows: ({ amount: number; beneficiary: { bankCode: string; accountNumber: string } } | null)[],
): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  rows.forEach((r, i) => {
    if (!r) return;
    const k = `${r.beneficiary.bankCode}:${r.beneficiary.accountNumber}:${r.amount}`;
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, i);
    else out.set(i, earlier);
  });
  return out;
}
