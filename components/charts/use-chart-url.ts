"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { ZChartQuery, type TChartQuery } from "@/lib/metrics/ranges";
import type { TTimeZone } from "./time-format";

// Range, filters and time zone live in the URL, parsed by the schema the API uses: a link shows
// exactly what its sender saw. A hand-edited bad value falls back to the default.
export function useChartUrl() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.toString();
  const { query, tz, account } = useMemo(() => {
    const sp = new URLSearchParams(raw);
    const parsed = ZChartQuery.safeParse({
      range: sp.get("range") ?? undefined,
      endpoint: sp.get("endpoint") ?? undefined,
      statusClass: sp.get("statusClass") ?? undefined,
    });
    const q: TChartQuery = parsed.success ? parsed.data : { range: "1h" };
    return {
      query: q,
      tz: (sp.get("tz") === "utc" ? "utc" : "bogota") as TTimeZone,
      account: sp.get("account") ?? undefined,
    };
  }, [raw]);
  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      const sp = new URLSearchParams(raw);
      for (const [k, v] of Object.entries(patch))
        if (v) sp.set(k, v);
        else sp.delete(k);
      router.replace(`${pathname}?${sp}`, { scroll: false });
    },
    [raw, router, pathname],
  );
  return { query, tz, account, set };
}
