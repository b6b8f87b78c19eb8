import { apiFetch } from "../api-client";
import type { TRecognised } from "@/lib/search/recognise-id";

export type TSearchHit = {
  type: "operation" | "request" | "idempotency_key" | "webhook" | "mono_object";
  id: string;
  href: string | null;
  title: string;
  detail: string;
  at: string | null;
  matchedOn: string;
  operation?: {
    id: string;
    kind: string;
    state: string;
    amount: number;
    currency: string;
    createdAt: string;
    monoId: string | null;
  };
};
export type TAccountView = {
  id: string;
  kind: "banking" | "ledger";
  name: string | null;
  balance: { available: number; pending: number | null; currency: string } | null;
  balanceError: string | null;
  recentOperations: {
    id: string;
    kind: string;
    state: string;
    amount: number;
    currency: string;
    createdAt: string;
    monoId: string | null;
  }[];
};
export type TSearchResult = {
  query: string;
  recognised: TRecognised;
  hits: TSearchHit[];
  account: TAccountView | null;
  notes: string[];
};

export const searchKeys = {
  all: ["search"] as const,
  query: (q: string) => [...searchKeys.all, q] as const,
};

export const fetchSearch = (q: string, signal?: AbortSignal) =>
  apiFetch<TSearchResult>(`/api/search?q=${encodeURIComponent(q)}`, { signal });
