// Document and account numbers are masked wherever the console shows them; revealing one asks for
// a reason and is audited (reveal-beneficiary.ts). Pure module, shared with the browser.
export function maskDigits(value: string | null | undefined, visible = 4): string {
  if (!value) return "";
  if (value.length <= visible) return "•".repeat(value.length);
  return "•".repeat(Math.min(6, value.length - visible)) + value.slice(-visible);
}

type TBeneficiaryLike = {
  accountNumber?: string;
  documentNumber?: string;
  email?: string;
  [k: string]: unknown;
};

export function maskBeneficiary<T extends TBeneficiaryLike>(b: T): T {
  return {
    ...b,
    ...(b.accountNumber !== undefined ? { accountNumber: maskDigits(b.accountNumber) } : {}),
    ...(b.documentNumber !== undefined ? { documentNumber: maskDigits(b.documentNumber, 3) } : {}),
    ...(b.email ? { email: b.email.replace(/^(.).*(@.*)$/, "$1•••$2") } : {}),
  };
}

// The operation's `target` holds a payout beneficiary or the transfer rows.
export function maskTarget(target: unknown): unknown {
  if (Array.isArray(target))
    return target.map((row: { beneficiary?: TBeneficiaryLike }) => ({
      ...row,
      beneficiary: row.beneficiary ? maskBeneficiary(row.beneficiary) : row.beneficiary,
    }));
  if (target && typeof target === "object") return maskBeneficiary(target as TBeneficiaryLike);
  return target;
}
