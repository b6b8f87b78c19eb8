"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { ZWebhookListQuery } from "@/lib/webhooks/list-query";
import { filtersToSearch, type TWebhookFilters } from "./api";

const KEYS = ["type", "signature", "result", "from", "to", "operationId"] as const;

// Filters and the selected event live in the URL (?type=&signature=&result=&from=&to=&event=),
// parsed by the API's own schema; a hand-edited bad value is dropped, not fatal.
export function useWebhookFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.toString();
  const { filters, selected } = useMemo(() => {
    const sp = new URLSearchParams(raw);
    const picked: Record<string, string> = {};
    for (const k of KEYS) {
      const v = sp.get(k);
      if (v) picked[k] = v;
    }
    const r = ZWebhookListQuery.safeParse(picked);
    const f: TWebhookFilters = {};
    if (r.success)
      for (const k of KEYS) if (r.data[k] !== undefined) Object.assign(f, { [k]: r.data[k] });
    const ev = sp.get("event");
    return { filters: f, selected: ev && /^\d{1,15}$/.test(ev) ? Number(ev) : null };
  }, [raw]);

  function go(f: TWebhookFilters, event: number | null) {
    const q = filtersToSearch(f);
    if (event !== null) q.set("event", String(event));
    router.replace(q.size ? `${pathname}?${q}` : pathname, { scroll: false });
  }
  return {
    filters,
    selected,
    setFilters: (f: TWebhookFilters) => go(f, null),
    select: (id: number | null) => go(filters, id),
  };
}
