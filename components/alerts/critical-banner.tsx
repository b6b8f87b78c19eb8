"use client";

import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { useCriticalBanner } from "./use-alerts";

// Across the top of every console page while a critical alert is open or acknowledged.
export function CriticalAlertBanner() {
  const { data } = useCriticalBanner();
  if (!data || data.count === 0) return null;
  const [first] = data.latest;
  return (
    <div
      role="alert"
      data-testid="critical-alert-banner"
      className="flex items-center gap-3 border-b border-red-300 bg-red-600 px-6 py-2 text-sm text-white"
    >
      <AlertTriangle className="h-4 w-4 shrink-0" aria-hidden />
      <span className="font-semibold">
        {data.count} critical alert{data.count === 1 ? "" : "s"} open
      </span>
      {first ? <span className="truncate">{first.title}</span> : null}
      <Link
        href="/alerts?severity=critical"
        className="ml-auto whitespace-nowrap font-medium underline"
      >
        View alerts
      </Link>
    </div>
  );
}
