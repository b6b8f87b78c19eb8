import { apiFetch } from "../api-client";
import type { TRequestFilters } from "@/lib/investigation/request-filters";
import type { TRequestDetail, TRequestRow } from "@/lib/api/resources/request-log";

// The server's response schemas (lib/api/resources/request-log.ts): bodies arrive masked.
export type { TRequestDetail, TRequestRow };
// The URL form of the filters (strings), as the same schema parses them on the server.
export type TRequestQuery = Partial<
  Record<Exclude<keyof TRequestFilters, "limit" | "cursor">, string>
>;

export const requestKeys = {
  all: ["requests"] as const,
  list: (q: TRequestQuery) => [...requestKeys.all, "list", q] as const,
  detail: (id: string) => [...requestKeys.all, "detail", id] as const,
};

export function toSearchParams(
  q: TRequestQuery,
  extra: Record<string, string> = {},
): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v) p.set(k, v);
  return p;
}

export const fetchRequestPage = (
  q: TRequestQuery,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  apiFetch<{ requests: TRequestRow[]; nextCursor: string | null }>(
    `/api/requests?${toSearchParams(q, cursor ? { cursor } : {})}`,
    { signal },
  );
export const fetchRequest = (id: string, signal?: AbortSignal) =>
  apiFetch<TRequestDetail>(`/api/requests/${id}`, { signal });
export const exportUrl = (q: TRequestQuery) => `/api/requests/export?${toSearchParams(q)}`;
