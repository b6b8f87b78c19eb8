import { z } from "zod";
import { ID_KINDS, NOT_AN_ID_REASONS } from "../../search/recognise-id";
import { maskDigits, maskText } from "../../operations/mask";
import { present, ZIso, ZMasked, ZMoney } from "./wire";

// The search resource (GET /api/search?q=): what the pasted id is, the exact hits and where they
// lead, an account's view for acc_/lacc_ ids, and notes (a Mono lookup that failed, an object the
// console did not create). A malformed or unknown id is a normal answer, not an error.

const ZIdKind = z.enum(ID_KINDS);
export const ZRecognised = z.union([
  z.object({ ok: z.literal(true), kind: ZIdKind, value: z.string() }),
  z.object({
    ok: z.literal(false),
    value: z.string(),
    reason: z.string(), // in English; the browser words `code` and `params` in its language
    code: z.enum(NOT_AN_ID_REASONS),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    looksLike: ZIdKind.optional(),
  }),
]);

const ZOperationSummary = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.string(),
  amount: ZMoney,
  currency: z.string(),
  createdAt: ZIso,
  monoId: z.string().nullable(),
});

export const ZSearchHit = z.object({
  kind: z.enum([
    "operation",
    "request",
    "idempotency_key",
    "webhook",
    "mono_object",
    "beneficiary",
    "finding",
  ]),
  id: z.string(),
  href: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  at: ZIso.nullable(),
  matchedOn: z.string(), // the column that matched, so the agent knows why this is a result
  operation: ZOperationSummary.extend({
    externalId: z.string(),
    ticketRef: z.string().nullable(),
    sourceAccountId: z.string(),
  }).optional(),
  // A beneficiary hit (document, account, e-mail or Bre-B key): its page and masked numbers.
  beneficiary: z
    .object({
      id: z.string(),
      bankCode: z.string(),
      accountNumber: ZMasked,
      name: z.string(),
      documentType: z.string().nullable(),
      documentNumber: ZMasked.nullable(),
    })
    .optional(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZAccountView = z.object({
  id: z.string(),
  kind: z.enum(["banking", "ledger"]),
  name: z.string().nullable(),
  balance: z
    .object({ available: ZMoney, pending: ZMoney.nullable(), currency: z.string() })
    .nullable(),
  balanceError: z.string().nullable(),
  recentOperations: z.array(ZOperationSummary),
});
export type TAccountView = z.infer<typeof ZAccountView>;

export const ZSearchResult = z.object({
  query: z.string(),
  recognised: ZRecognised,
  hits: z.array(ZSearchHit),
  account: ZAccountView.nullable(),
  notes: z.array(z.string()),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;

type TBeneficiaryIn = { accountNumber: string; documentNumber: string | null };

export function presentSearchResult(r: {
  account: { balanceError: string | null } | null;
  notes: string[];
  hits: { beneficiary?: TBeneficiaryIn; [k: string]: unknown }[];
  [k: string]: unknown;
}): TSearchResult {
  return present(ZSearchResult, {
    ...r,
    hits: r.hits.map((h) =>
      h.beneficiary
        ? {
            ...h,
            beneficiary: {
              ...h.beneficiary,
              accountNumber: maskDigits(h.beneficiary.accountNumber),
              documentNumber:
                h.beneficiary.documentNumber === null
                  ? null
                  : maskDigits(h.beneficiary.documentNumber, 3),
            },
          }
        : h,
    ),
    // Mono's error messages may quote a number; the rest is ids the person typed or the console's.
    account: r.account && {
      ...r.account,
      balanceError: r.account.balanceError === null ? null : maskText(r.account.balanceError),
    },
    notes: r.notes.map(maskText),
  });
}
