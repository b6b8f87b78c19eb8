"use client";

import { useTranslations } from "next-intl";
import { PROCESSING_FILTERS } from "@/lib/webhooks/list-query";
import { useFormat } from "../i18n/use-format";
import { useResultLabel } from "./result-badge";
import type { TWebhookFilters } from "./api";

const RANGES = [
  { id: "anyTime", hours: 0 },
  { id: "lastHour", hours: 1 },
  { id: "last24h", hours: 24 },
  { id: "last7d", hours: 24 * 7 },
] as const;
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
  const t = useTranslations("webhooks.filters");
  const fmt = useFormat();
  const resultLabel = useResultLabel();
  const set = (patch: Partial<TWebhookFilters>) => onChange({ ...f, ...patch });
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-4">
      <select
        aria-label={t("type")}
        className={select}
        value={f.type ?? ""}
        onChange={(e) => set({ type: e.target.value || undefined })}
      >
        <option value="">{t("allTypes")}</option>
        {[...new Set([...types, ...(f.type ? [f.type] : [])])].map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <select
        aria-label={t("signature")}
        className={select}
        value={f.signature ?? ""}
        onChange={(e) =>
          set({ signature: (e.target.value || undefined) as TWebhookFilters["signature"] })
        }
      >
        <option value="">{t("anySignature")}</option>
        <option value="valid">{t("currentSecret")}</option>
        <option value="valid_previous_secret">{t("previousSecret")}</option>
      </select>
      <select
        aria-label={t("result")}
        className={select}
        value={f.result ?? ""}
        onChange={(e) =>
          set({ result: (e.target.value || undefined) as TWebhookFilters["result"] })
        }
      >
        <option value="">{t("anyResult")}</option>
        {PROCESSING_FILTERS.map((r) => (
          <option key={r} value={r}>
            {resultLabel(r)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("time")}
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
          {f.from ? t("since", { when: fmt.when(f.from) }) : t("ranges.anyTime")}
        </option>
        {RANGES.map((r) => (
          <option key={r.id} value={r.hours}>
            {t(`ranges.${r.id}`)}
          </option>
        ))}
      </select>
      {f.operationId ? (
        <span className="text-xs text-slate-600">
          {t.rich("operation", {
            id: f.operationId,
            code: (chunks) => <code>{chunks}</code>,
          })}
        </span>
      ) : null}
      {Object.keys(f).length > 0 ? (
        <button
          type="button"
          className="text-sm text-brand-700 hover:underline"
          onClick={() => onChange({})}
        >
          {t("clear")}
        </button>
      ) : null}
    </div>
  );
}
