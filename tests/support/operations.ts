import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { AppError } from "@/lib/api/app-error";
import type { TBeneficiary, TPayoutInput, TTransfersInput } from "@/lib/operations/schemas";

export const LEDGER_ACCOUNT = "lacc_4PagosProveedores9aBcD";
export const BANK_ACCOUNT = "acc_5tgliBmzjZ6mpQPRbQjfKj";
export const COP = 100;

// A valid payout input with a beneficiary account unique to this call (so the duplicate detector
// only fires when a test wants it to).
export function payoutInput(over: Partial<TPayoutInput> = {}): TPayoutInput {
  const acct = String(Math.floor(Math.random() * 1e12)).padStart(12, "1");
  return {
    sourceAccountId: LEDGER_ACCOUNT,
    method: "co_ach",
    amount: 250_000 * COP,
    currency: "COP",
    beneficiary: {
      bankCode: "1007",
      accountType: "savings_account",
      accountNumber: acct,
      name: "Proveedor de Prueba SAS",
      documentType: "CC",
      documentNumber: "1020304050",
    },
    // Letters only: free text with a run of 6+ digits is masked on the way out (docs/SECURITY.md).
    reason:
      "Supplier invoice " +
      randomUUID()
        .slice(0, 6)
        .replace(/\d/g, (d) => "ghijklmnop"[+d]),
    ...over,
  };
}

/** A beneficiary with an account number unique to this call. */
export function beneficiary(over: Partial<TBeneficiary> = {}): TBeneficiary {
  return {
    bankCode: "1007",
    accountType: "savings_account",
    accountNumber: String(Math.floor(Math.random() * 1e12)).padStart(12, "2"),
    name: "Beneficiaria de Prueba",
    documentType: "CC",
    documentNumber: "52123456",
    ...over,
  };
}

/** A valid transfer batch from the sandbox's bank account: one row per amount (COP cents). */
export function transfersInput(
  rows: { amount: number; beneficiary?: TBeneficiary; duplicateReason?: string }[],
  over: Partial<TTransfersInput> = {},
): TTransfersInput {
  return {
    sourceAccountId: BANK_ACCOUNT,
    mode: "create",
    routing: "turbo",
    currency: "COP",
    reason: "Batch " + randomUUID().slice(0, 6),
    rows: rows.map((r) => ({
      amount: r.amount,
      beneficiary: r.beneficiary ?? beneficiary(),
      ...(r.duplicateReason ? { duplicateReason: r.duplicateReason } : {}),
    })),
    ...over,
  };
}

/** Awaits a promise that must fail with an AppError of `code` (and `reason`, from meta or the first field error). */
export async function rejectsWith(p: Promise<unknown>, code: string, reason?: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (reason)
    expect((err as AppError).extra.meta?.reason ?? (err as AppError).extra.errors?.[0]?.code).toBe(
      reason,
    );
  return err as AppError;
}

export async function sandboxAdmin<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${process.env.MONO_SANDBOX_BASE_URL}/_sandbox${path}`, init);
  if (!res.ok) throw new Error(`sandbox admin ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function waitFor<T>(
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}
