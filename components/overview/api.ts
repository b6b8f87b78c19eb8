import { apiFetch } from "../api-client";
import type { TAccountSummary } from "../charts/api";
import type { TOperationState } from "../operations/api";

export type TOverview = {
  accounts: TAccountSummary[];
  alerts: {
    bySeverity: Partial<Record<"critical" | "warning" | "info", number>>;
    latest: {
      id: string;
      title: string;
      severity: string;
      state: string;
      openedAt: string;
      occurrences: number;
    }[];
  };
  approvals: { pending: number; waitingForYou: number };
  recentOperations: {
    id: string;
    kind: string;
    state: TOperationState;
    amount: number;
    currency: string;
    sourceAccountId: string;
    createdAt: string;
  }[];
  killSwitch: boolean;
  mono: {
    breaker: "closed" | "open" | "half_open";
    budget: { available: number; capacity: number };
    inFlight: number;
    queued: number;
  } | null;
  sparkline: { t: number; errorRate: number | null; total: number }[];
};

export const overviewKeys = { all: ["overview"] as const };

export const fetchOverview = (signal?: AbortSignal) =>
  apiFetch<TOverview>("/api/overview", { signal });
