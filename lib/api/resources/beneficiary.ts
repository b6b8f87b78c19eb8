import { z } from "zod";
import { maskBeneficiary, maskDigits, maskEmail } from "../../operations/mask";
import { present, ZIso, ZMasked, ZMoney } from "./wire";

// The beneficiary resource (GET /api/beneficiaries/[key], its reveal, and the links from an
// operation page). `id` is the opaque ben_ key of the page's URL; numbers are always masked
// except in the audited reveal.

export const ZBeneficiaryIdentity = z.object({
  id: z.string(),
  bankCode: z.string(),
  accountNumber: ZMasked,
  accountType: z.string().nullable(),
  name: z.string(),
  documentType: z.string().nullable(),
  documentNumber: ZMasked.nullable(),
  email: ZMasked.nullable(),
  firstSeenAt: ZIso,
  lastSeenAt: ZIso,
});
export type TBeneficiaryIdentity = z.infer<typeof ZBeneficiaryIdentity>;

export const ZBeneficiaryPayment = z.object({
  operationId: z.string(),
  kind: z.string(),
  position: z.number().int().nullable(),
  amount: ZMoney,
  currency: z.string(),
  operationState: z.string(),
  rowState: z.string().nullable(),
  bucket: z.enum(["paid", "in_flight", "failed", "stopped"]),
  monoId: z.string().nullable(),
  createdAt: ZIso,
  finishedAt: ZIso.nullable(),
});

export const ZBeneficiaryView = z.object({
  beneficiary: ZBeneficiaryIdentity,
  payments: z.array(ZBeneficiaryPayment),
  totals: z.object({
    paid: ZMoney,
    inFlight: ZMoney,
    failed: ZMoney,
    last30Days: z.object({ count: z.number().int(), paid: ZMoney, failed: ZMoney }),
    count: z.number().int(),
    truncated: z.boolean(),
  }),
  brebResolutions: z.array(
    z.object({
      id: z.string(),
      keyValue: ZMasked,
      keyType: z.string().nullable(),
      holderName: z.string(),
      documentType: z.string().nullable(),
      documentNumber: ZMasked.nullable(),
      resolvedAt: ZIso,
    }),
  ),
  webhooks: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      objectId: z.string().nullable(),
      operationId: z.string().nullable(),
      receivedAt: ZIso,
      processingResult: z.string().nullable(),
    }),
  ),
  findings: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      severity: z.string(),
      operationId: z.string().nullable(),
      monoObjectId: z.string().nullable(),
      createdAt: ZIso,
      resolvedAt: ZIso.nullable(),
    }),
  ),
});
export type TBeneficiaryView = z.infer<typeof ZBeneficiaryView>;

type TIdentityIn = {
  id: string;
  accountNumber: string;
  documentNumber: string | null;
  email: string | null;
  [k: string]: unknown;
};

export function maskIdentity(b: TIdentityIn) {
  return {
    ...b,
    accountNumber: maskDigits(b.accountNumber),
    documentNumber: b.documentNumber === null ? null : maskDigits(b.documentNumber, 3),
    email: b.email === null ? null : maskEmail(b.email),
  };
}

// A Bre-B key may be a phone, a document, an e-mail or an @alias: e-mails keep their first letter
// and domain, aliases stay (they are chosen names, not numbers), the rest keeps its last four.
export function maskBrebKey(v: string): string {
  if (v.includes("@") && !v.startsWith("@")) return maskEmail(v);
  if (v.startsWith("@")) return v;
  return maskDigits(v);
}

export function presentBeneficiaryView(v: {
  beneficiary: TIdentityIn;
  brebResolutions: { keyValue: string; documentNumber: string | null; [k: string]: unknown }[];
  [k: string]: unknown;
}): TBeneficiaryView {
  return present(ZBeneficiaryView, {
    ...v,
    beneficiary: maskIdentity(v.beneficiary),
    brebResolutions: v.brebResolutions.map((r) => ({
      ...r,
      keyValue: maskBrebKey(r.keyValue),
      documentNumber: r.documentNumber === null ? null : maskDigits(r.documentNumber, 3),
    })),
  });
}

export const ZBeneficiaryLinks = z.object({
  beneficiaries: z.array(
    z.object({ id: z.string(), bankCode: z.string(), accountNumber: ZMasked, name: z.string() }),
  ),
});
export function presentBeneficiaryLinks(
  rows: { id: string; bankCode: string; accountNumber: string; name: string }[],
) {
  return present(ZBeneficiaryLinks, {
    beneficiaries: rows.map((r) => ({ ...r, accountNumber: maskDigits(r.accountNumber) })),
  });
}

// The audited reveal: the numbers in clear, for a role holding pii.reveal, with a reason.
export const ZBeneficiaryClear = z.object({
  id: z.string(),
  accountNumber: z.string(),
  documentNumber: z.string().nullable(),
  email: z.string().nullable(),
});
export function presentBeneficiaryClear(b: TIdentityIn) {
  return present(ZBeneficiaryClear, b);
}

/** A search hit's masked summary of a beneficiary. */
export function maskedSummary(b: {
  bankCode: string;
  accountNumber: string;
  name: string;
  documentType: string | null;
  documentNumber: string | null;
}) {
  const m = maskBeneficiary({
    accountNumber: b.accountNumber,
    documentNumber: b.documentNumber ?? undefined,
  });
  return {
    title: `${b.name} · bank ${b.bankCode} · ${m.accountNumber}`,
    detail: b.documentNumber
      ? `${b.documentType ?? "document"} ${m.documentNumber}`
      : "no document on file",
  };
}
