"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import type { TColumn } from "../ui/data-table";
import type { TAlert } from "./api";

const SEVERITY_TONE = { critical: "red", warning: "yellow", info: "gray" } as const;
const STATE_TONE = { open: "red", acknowledged: "blue", resolved: "green" } as const;

// The alerts table's columns; acknowledge/resolve only for those who may manage alerts.
export function useAlertColumns({
  canManage,
  busy,
  onAcknowledge,
  onResolve,
}: {
  canManage: boolean;
  busy: boolean;
  onAcknowledge: (a: TAlert) => void;
  onResolve: (a: TAlert) => void;
}): TColumn<TAlert>[] {
  const t = useTranslations("alerts");
  const f = useFormat();
  return [
    {
      id: "severity",
      header: t("h.severity"),
      sortValue: (a) => a.severity,
      cell: (a) => <Badge tone={SEVERITY_TONE[a.severity]}>{t(`severity.${a.severity}`)}</Badge>,
    },
    {
      id: "alert",
      header: t("h.alert"),
      sortValue: (a) => a.title,
      canHide: false,
      cell: (a) => (
        <>
          <p className="font-medium text-slate-900">{a.title}</p>
          <p className="mt-0.5 font-mono text-xs text-slate-600">
            {a.rule}
            {a.occurrences > 1
              ? ` · ${t("seen", { count: a.occurrences, last: f.when(a.lastSeenAt) })}`
              : ""}
          </p>
        </>
      ),
    },
    {
      id: "opened",
      header: t("h.opened"),
      sortValue: (a) => a.openedAt,
      className: "whitespace-nowrap text-slate-600",
      cell: (a) => f.when(a.openedAt),
    },
    {
      id: "state",
      header: t("h.state"),
      sortValue: (a) => a.state,
      cell: (a) => (
        <>
          <Badge tone={STATE_TONE[a.state]}>{t(`state.${a.state}`)}</Badge>
          {a.acknowledgedBy ? (
            <p className="mt-1 text-xs text-slate-600">
              {a.acknowledgedAt
                ? t("ackByAt", { who: a.acknowledgedBy, when: f.when(a.acknowledgedAt) })
                : t("ackBy", { who: a.acknowledgedBy })}
            </p>
          ) : null}
          {a.resolvedAt ? (
            <p className="mt-1 text-xs text-slate-600">
              {t("resolvedAt", { when: f.when(a.resolvedAt) })}
            </p>
          ) : null}
        </>
      ),
    },
    {
      id: "actions",
      header: t("h.actions"),
      hideHeader: true,
      align: "right",
      className: "whitespace-nowrap",
      cell: (a) => (
        <>
          {canManage && a.state === "open" ? (
            <Button variant="secondary" disabled={busy} onClick={() => onAcknowledge(a)}>
              {t("acknowledge")}
            </Button>
          ) : null}{" "}
          {canManage && a.state !== "resolved" ? (
            <Button variant="ghost" disabled={busy} onClick={() => onResolve(a)}>
              {t("resolve")}
            </Button>
          ) : null}
        </>
      ),
    },
  ];
}
