"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { ZOperationFilters } from "@/lib/operations/list-filters";
import { filtersToSearch, type TListFilters } from "./api";

const KEYS = [
  "state",
  "kind",
  "range",
  "minAmount",
  "maxAmount",
  "createdBy",
  "awaitingMe",
] as const;

// The list filters live in the URL, parsed by the same schema the API uses, so a pasted link
// shows exactly what its sender saw. A hand-edited link with a bad value is ignored, not fatal.
export function useUrlFilters(fixed: Partial<TListFilters> = {}) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.toString();
  const fixedKey = JSON.stringify(fixed);
  const { filters, invalid } = useMemo(() => {
    const picked: Record<string, string> = {};
    const sp = new URLSearchParams(raw);
    for (const k of KEYS) {
      const v = sp.get(k);
      if (v) picked[k] = v;
    }
    const r = ZOperationFilters.safeParse(picked);
    const base: TListFilters = {};
    if (r.success)
      for (const k of KEYS) if (r.data[k] !== undefined) Object.assign(base, { [k]: r.data[k] });
    return {
      filters: { ...base, ...(JSON.parse(fixedKey) as Partial<TListFilters>) } as TListFilters,
      invalid: !r.success,
    };
  }, [raw, fixedKey]);

  function setFilters(next: TListFilters) {
    const q = filtersToSearch(next);
    for (const k of Object.keys(fixed)) q.delete(k);
    router.replace(q.size ? `${pathname}?${q}` : pathname);
  }
  return { filters, invalid, setFilters };
}
