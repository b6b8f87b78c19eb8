"use client";

import { useTranslations } from "next-intl";
import { CheckCircle2, CircleSlash, TriangleAlert, XCircle, type LucideIcon } from "lucide-react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { useFormat } from "../i18n/use-format";
import { wordCheck } from "@/lib/readiness/words";
import type { TCheckStatus } from "./api";
import { useReadiness } from "./use-readiness";

// Icon colour, and the status word's colour (darker: it must read at 4.5:1 on white).
const LOOK: Record<TCheckStatus, { icon: LucideIcon; color: string; text: string }> = {
  pass: { icon: CheckCircle2, color: "text-emerald-600", text: "text-emerald-800" },
  warn: { icon: TriangleAlert, color: "text-amber-600", text: "text-amber-800" },
  fail: { icon: XCircle, color: "text-red-600", text: "text-red-700" },
  skip: { icon: CircleSlash, color: "text-slate-500", text: "text-slate-600" },
};

// The pre-launch checks with a verdict and, for anything but a pass, the fix.
export function ReadinessReport() {
  const t = useTranslations("readiness");
  const f = useFormat();
  const q = useReadiness();
  const r = q.data;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-4">
        {r ? (
          <Badge tone={r.ok ? "green" : "red"}>{r.ok ? t("ready") : t("notReady")}</Badge>
        ) : null}
        {r ? (
          <span className="text-sm text-slate-600">
            {t("summary", { env: r.environment, at: f.when(r.at) })}
          </span>
        ) : null}
        <Button
          className="ml-auto"
          variant="secondary"
          onClick={() => q.refetch()}
          disabled={q.isFetching}
        >
          {q.isFetching ? t("running") : t("runAgain")}
        </Button>
      </div>
      <div className="px-5 pt-3">
        <ErrorNote error={q.error} />
      </div>
      {q.isPending ? <p className="p-5 text-sm text-slate-600">{t("runningChecks")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {r?.checks.map((c) => {
          const look = LOOK[c.status];
          // The title by id, the detail and fix by code, in the person's language (amounts as
          // money, durations as durations); what the catalogue lacks, as the server wrote it.
          const words = wordCheck(c, t, f);
          return (
            <li
              key={c.id}
              className="flex gap-3 px-5 py-3"
              data-testid="readiness-check"
              data-check={c.id}
              data-status={c.status}
            >
              <look.icon className={`mt-0.5 h-5 w-5 shrink-0 ${look.color}`} aria-hidden />
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {words.title}{" "}
                  <span className={`text-xs font-normal ${look.text}`}>
                    {t(`status.${c.status}`)}
                  </span>
                  {c.ms !== undefined ? (
                    <span className="text-xs font-normal text-slate-600">
                      {" "}
                      · {f.duration(c.ms)}
                    </span>
                  ) : null}
                </p>
                <p className="break-words text-sm text-slate-600">{words.detail}</p>
                {words.fix && c.status !== "pass" ? (
                  <p className="mt-1 text-sm text-slate-800">
                    <span className="font-medium">{t("fixLabel")} </span>
                    {words.fix}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
