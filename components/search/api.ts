import { apiFetch } from "../api-client";
import type { TAccountView, TSearchHit, TSearchResult } from "@/lib/api/resources/search";

// The server's response schema (lib/api/resources/search.ts).
export type { TAccountView, TSearchHit, TSearchResult };

export const searchKeys = {
  all: ["search"] as const,
  query: (q: string) => [...searchKeys.all, q] as const,
};

export const fetchSearch = (q: string, signal?: AbortSignal) =>
  apiFetch<TSearchResult>(`/api/search?q=${encodeURIComponent(q)}`, { signal });
