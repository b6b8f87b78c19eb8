import { apiFetch } from "../api-client";

// Reference data the payout and transfer forms need: source accounts, banks, and the guard's
// verdict (tier, fees, expected time) for an amount before submitting.
import type {
  TBank,
  TBankList,
  TPreview,
  TSourceAccount,
  TSourceAccounts,
} from "@/lib/api/resources/reference";

// The server's response schemas (lib/api/resources/reference.ts).
export type { TBank, TPreview, TSourceAccount };
export type TRailParam = "co_ach" | "co_mono_turbo" | "co_transfiya" | "co_breb" | "ach" | "turbo";
export const referenceKeys = {
  all: ["reference"] as const,
  accounts: () => [...referenceKeys.all, "accounts"] as const,
  banks: () => [...referenceKeys.all, "banks"] as const,
  preview: (amount: number, rail: TRailParam, rows: number) =>
    [...referenceKeys.all, "preview", amount, rail, rows] as const,
};

export const fetchAccounts = (signal?: AbortSignal) =>
  apiFetch<TSourceAccounts>("/api/mono/accounts", { signal });
export const fetchBanks = (signal?: AbortSignal) =>
  apiFetch<TBankList>("/api/mono/banks", { signal });
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
