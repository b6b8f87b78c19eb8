"use client";

import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { StateBadge } from "./state-badge";
import type { TContextPack, TOperation, TPerson } from "./api";

// What an approver needs to judge a payout: the balance it leaves against the low-balance floor,
// earlier payouts to the same account, who made it and why.
export function ContextPack({
  context,
  operation,
  createdBy,
}: {
  context: TContextPack;
  operation: Pick<TOperation, "reason" | "ticketRef" | "duplicateReason">;
  createdBy: TPerson | null;
}) {
  const t = useTranslations("operations.context");
  const f = useFormat();
  return (
    <div className="grid gap-4 text-sm md:grid-cols-2" data-testid="context-pack">
      <div className="space-y-1">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {t("balance")}
        </h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-slate-500">{t("availableNow")}</dt>
          <dd className="text-right tabular-nums">
            {context.available === null ? t("unavailable") : f.money(context.available)}
          </dd>
          <dt className="text-slate-500">{t("after")}</dt>
          <dd
            className={`text-right font-semibold tabular-nums ${context.belowFloorAfter ? "text-red-700" : ""}`}
            data-testid="balance-after"
          >
            {context.balanceAfter === null ? t("unavailable") : f.money(context.balanceAfter)}
          </dd>
          <dt className="text-slate-500">{t("floor")}</dt>
          <dd className="text-right tabular-nums">{f.money(context.lowBalanceFloor)}</dd>
        </dl>
        {context.belowFloorAfter ? (
          <p
            className="mt-2 flex gap-1.5 rounded-md bg-red-50 px-2 py-1.5 text-red-800"
            data-testid="below-floor"
          >
            <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> {t("belowFloor")}
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {t("whoWhy")}
        </h3>
        <p>
          <span className="text-slate-500">{t("maker")}</span>{" "}
          {createdBy ? `${createdBy.name} (${createdBy.email})` : t("unknown")}
        </p>
        <p>
          <span className="text-slate-500">{t("reason")}</span> {operation.reason}
        </p>
        <p>
          <span className="text-slate-500">{t("ticket")}</span> {operation.ticketRef ?? t("none")}
        </p>
        {operation.duplicateReason ? (
          <p className="text-amber-800">
            <span className="text-slate-500">{t("duplicate")}</span> {operation.duplicateReason}
          </p>
        ) : null}
      </div>
      <div className="md:col-span-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {t("earlier")}
        </h3>
        {context.priorToBeneficiary.length === 0 ? (
          <p className="mt-1 text-slate-600">{t("firstPayout")}</p>
        ) : (
          <ul className="mt-1 space-y-1" data-testid="prior-payouts">
            {context.priorToBeneficiary.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/operations/${p.id}`}
                  className="font-mono text-xs text-brand-700 hover:underline"
                >
                  {p.id}
                </Link>
                <StateBadge state={p.state} />
                <span className="tabular-nums">{f.money(p.amount)}</span>
                <span className="text-xs text-slate-500">{f.when(p.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
