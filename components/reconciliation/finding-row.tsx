"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import type { TColumn } from "../ui/data-table";
import { useFormat } from "../i18n/use-format";
import { withMoney } from "../ui/money-fields";
import type { TFinding } from "./api";

const SEVERITY_TONE = { critical: "red", warning: "yellow", info: "gray" } as const;
// A finding's kind is shown by its label, reconciliation.kind.<kind>.

// Mono's evidence as recorded, keys as they are; amounts (minor units) are shown as money.
function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const f = useFormat();
  const shown = withMoney(evidence, f.money) as Record<string, unknown>;
  return (
    <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-xs">
      {Object.entries(shown).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-all font-mono text-slate-800">
            {Array.isArray(v)
              ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("\n")
              : typeof v === "object" && v !== null
                ? JSON.stringify(v)
                : String(v)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function useFindingColumns({
  canResolve,
  busy,
  onResolve,
}: {
  canResolve: boolean;
  busy: boolean;
  onResolve: (f: TFinding, reason: string) => void;
}): TColumn<TFinding>[] {
  const t = useTranslations("reconciliation");
  const fmt = useFormat();
  return [
    {
      id: "severity",
      header: t("finding.h.severity"),
      sortValue: (f) => f.severity,
      cell: (f) => <Badge tone={SEVERITY_TONE[f.severity]}>{t(`severity.${f.severity}`)}</Badge>,
    },
    {
      id: "finding",
      header: t("finding.h.finding"),
      sortValue: (f) => f.kind,
      cell: (f) => (
        <>
          <p className="font-medium text-slate-900">{t(`kind.${f.kind}`)}</p>
          <p className="mt-0.5 space-x-2 text-xs">
            {f.operationId ? (
              <Link
                className="font-mono text-brand-700 hover:underline"
                href={`/operations/${f.operationId}`}
              >
                {f.operationId}
              </Link>
            ) : null}
            {f.monoObjectId ? (
              <span className="font-mono text-slate-600">{f.monoObjectId}</span>
            ) : null}
          </p>
          <Evidence evidence={f.evidence} />
        </>
      ),
    },
    {
      id: "found",
      header: t("finding.h.found"),
      sortValue: (f) => f.createdAt,
      className: "whitespace-nowrap text-slate-600",
      cell: (f) => fmt.when(f.createdAt),
    },
    {
      id: "resolution",
      header: t("finding.h.resolution"),
      cell: (f) => (
        <Resolution f={f} canResolve={canResolve} busy={busy} onResolve={(r) => onResolve(f, r)} />
      ),
    },
  ];
}

function Resolution({
  f,
  canResolve,
  busy,
  onResolve,
}: {
  f: TFinding;
  canResolve: boolean;
  busy: boolean;
  onResolve: (reason: string) => void;
}) {
  const t = useTranslations("reconciliation.finding");
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (f.resolvedAt)
    return (
      <div className="text-xs text-slate-600">
        <Badge tone="green">{t("resolved")}</Badge>
        <p className="mt-1">
          {f.resolvedBy
            ? t("resolvedBy", { when: fmt.when(f.resolvedAt), who: f.resolvedBy })
            : fmt.when(f.resolvedAt)}
        </p>
        <p className="mt-1 max-w-xs text-slate-800">{f.resolution}</p>
      </div>
    );
  if (!canResolve) return <Badge tone="yellow">{t("open")}</Badge>;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("resolveOpen")}
      </Button>
    );
  return (
    <form
      className="flex max-w-xs flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onResolve(reason);
      }}
    >
      <textarea
        aria-label={t("reason")}
        required
        minLength={5}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t("reasonHint")}
        className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        rows={3}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || reason.trim().length < 5}>
          {t("resolve")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
