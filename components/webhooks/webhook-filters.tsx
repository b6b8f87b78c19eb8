"use client";

import { PROCESSING_FILTERS } from "@/lib/webhooks/list-query";
import type { TWebhookFilters } from "./api";

const RANGES = [
  { label: "Any time", hours: 0 },
  { label: "Last hour", hours: 1 },
  { label: "Last 24 h", hours: 24 },
  { label: "Last 7 days", hours: 24 * 7 },
];
const select = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

// The time filter writes an absolute `from` into the URL, so a shared link shows the same events.
export function WebhookFilters({
  f,
  types,
  onChange,
}: {
  f: TWebhookFilters;
  types: string[];
  onChange: (f: TWebhookFilters) => void;
}) {
  const set = (patch: Partial<TWebhookFilters>) => onChange({ ...f, ...patch });
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-4">
      <select
        aria-label="Event type"
        className={select}
        value={f.type ?? ""}
        onChange={(e) => set({ type: e.target.value || undefined })}
      >
        <option value="">All types</option>
        {[...new Set([...types, ...(f.type ? [f.type] : [])])].map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <select
        aria-label="Signature"
        className={select}
        value={f.signature ?? ""}
        onChange={(e) =>
          set({ signature: (e.target.value || undefined) as TWebhookFilters["signature"] })
        }
      >
        <option value="">Any signature</option>
        <option value="valid">Current secret</option>
        <option value="valid_previous_secret">Previous secret</option>
      </select>
      <select
        aria-label="Processing result"
        className={select}
        value={f.result ?? ""}
        onChange={(e) =>
          set({ result: (e.target.value || undefined) as TWebhookFilters["result"] })
        }
      >
        <option value="">Any result</option>
        {PROCESSING_FILTERS.map((r) => (
          <option key={r} value={r}>
            {r.replace("_", " ")}
          </option>
        ))}
      </select>
      <select
        aria-label="Time"
        className={select}
        value=""
        onChange={(e) => {
          const h = Number(e.target.value);
          set({
            from: h ? new Date(Date.now() - h * 3_600_000).toISOString() : undefined,
            to: undefined,
          });
        }}
      >
        <option value="" disabled>
          {f.from
            ? `Since ${new Date(f.from).toLocaleString("es-CO", { timeZone: "America/Bogota" })}`
            : "Any time"}
        </option>
        {RANGES.map((r) => (
          <option key={r.label} value={r.hours}>
            {r.label}
          </option>
        ))}
      </select>
      {f.operationId ? (
        <span className="text-xs text-slate-600">
          Operation <code>{f.operationId}</code>
        </span>
      ) : null}
      {Object.keys(f).length > 0 ? (
        <button
          type="button"
          className="text-sm text-brand-700 hover:underline"
          onClick={() => onChange({})}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
