"use client";

import { useCallback } from "react";
import { z } from "zod";
import { ZChartQuery, type TChartQuery } from "@/lib/metrics/ranges";
import { useUrlFilters } from "../url-state/use-url-filters";
import type { TTimeZone } from "./time-format";

// The API's chart query plus the view's own keys: the time zone and the account shown.
const ZChartView = ZChartQuery.extend({
  tz: z.enum(["bogota", "utc"]).default("bogota"),
  account: z.string().max(100).optional(),
});
const KEYS = ["range", "endpoint", "statusClass", "tz", "account"] as const;

// Range, filters and time zone live in the URL, read through the one URL-state reader: a link
// shows exactly what its sender saw. A hand-edited bad value falls back to the default.
export function useChartUrl() {
  const url = useUrlFilters(ZChartView, KEYS);
  const { tz, account, ...rest } = url.filters;
  const query: TChartQuery = { ...rest, range: rest.range ?? "1h" };
  const { patchFilters } = url;
  const set = useCallback(
    (patch: Partial<Record<(typeof KEYS)[number], string | undefined>>) =>
      void patchFilters(patch as never),
    [patchFilters],
  );
  return { query, tz: (tz ?? "bogota") as TTimeZone, account, set };
}
