"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import type { TAuditEntry } from "./api";

// Audit details carry money as minor units; show it as COP so nobody reads cents as pesos.
const MONEY_KEY = /^(amount|fee|available|amountBefore|amountAfter|shortfall)$/;

// The operation's audit entries, oldest first: created, approvals, sends, confirmations, reveals.
export function AuditTrail({ entries }: { entries: TAuditEntry[] }) {
  const t = useTranslations("operations.audit");
  const f = useFormat();
  const show = (k: string, v: unknown): string => {
    if (
      MONEY_KEY.test(k) &&
      (typeof v === "number" || (typeof v === "string" && /^-?\d+$/.test(v)))
    )
      return f.money(BigInt(v));
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  };
  if (entries.length === 0) return <p className="px-5 py-4 text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="audit-trail">
      {entries.map((e) => (
        <li key={e.seq} className="grid gap-1 px-5 py-2 text-sm sm:grid-cols-[11rem_14rem_1fr]">
          <span className="text-slate-500">{f.when(e.at)}</span>
          <span>
            <code className="text-xs font-semibold">{e.action}</code>
            <div className="text-xs text-slate-500">{e.actorEmail ?? t("system")}</div>
          </span>
          <span
            className="truncate font-mono text-xs text-slate-600"
            title={JSON.stringify(e.details)}
          >
            {Object.entries(e.details)
              .filter(([, v]) => v !== null && v !== undefined)
              .map(([k, v]) => `${k}: ${show(k, v)}`)
              .join(" · ")}
          </span>
        </li>
      ))}
    </ol>
  );
}
