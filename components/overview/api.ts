import { apiFetch } from "../api-client";
import type { TOverview } from "@/lib/api/resources/overview";

// The server's response schema (lib/api/resources/overview.ts).
export type { TOverview };

export const overviewKeys = { all: ["overview"] as const };

export const fetchOverview = (signal?: AbortSignal) =>
  apiFetch<TOverview>("/api/overview", { signal });
