import { apiFetch } from "../api-client";

// Reference data the payout and transfer forms need: source accounts, banks, and the guard's
// verdict (tier, fees, expected time) for an amount before submitting.
export type TSourceAccount = {
  id: string;
  name: string;
  kind: "ledger" | "bank";
  currency: string;
  available: number;
};
export type TBank = {
  code: string;
  name: string;
  account_types?: ("savings_account" | "checking_account")[];
};
export type TRailParam = "co_ach" | "co_mono_turbo" | "co_transfiya" | "co_breb" | "ach" | "turbo";
export type TPreview = {
  policyVersion: number;
  tier: {
    kind: "none" | "one_approver" | "two_approvers" | "refused";
    requiredApprovals: number | null;
    stepUp: boolean;
  };
  fee: number;
  total: number;
  expectedTime: string;
  killSwitch: boolean;
};

export const referenceKeys = {
  all: ["reference"] as const,
  accounts: () => [...referenceKeys.all, "accounts"] as const,
  banks: () => [...referenceKeys.all, "banks"] as const,
  preview: (amount: number, rail: TRailParam, rows: number) =>
    [...referenceKeys.all, "preview", amount, rail, rows] as const,
};

export const fetchAccounts = (signal?: AbortSignal) =>
  apiFetch<{ ledgerAccounts: TSourceAccount[]; bankAccounts: TSourceAccount[] }>(
    "/api/mono/accounts",
    { signal },
  );
export const fetchBanks = (signal?: AbortSignal) =>
  apiFetch<{ kind: string; banks: TBank[] }>("/api/mono/banks", { signal });
export const fetchPreview = (
  amount: number,
  rail: TRailParam,
  rows: number,
  signal?: AbortSignal,
) =>
  apiFetch<TPreview>(
    `/api/operations/preview?${new URLSearchParams({ amount: String(amount), rail, rows: String(rows) })}`,
    { signal },
  );
