"use client";

import { Check, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useStateLabel } from "../operations/state-badge";
import { cn } from "../ui/cn";

export type TStage =
  | { kind: "idle" }
  | { kind: "parsing" }
  | { kind: "validating"; done: number; total: number }
  | { kind: "ready" }
  | { kind: "submitting" }
  | { kind: "accepted"; state: string }
  | { kind: "refused" };

const ORDER = ["parsing", "validating", "submitting", "accepted"] as const;

// Staged progress for a batch: reading the file, validating each row, sending, and the answer.
export function ProgressSteps({ stage, rows }: { stage: TStage; rows: number }) {
  const t = useTranslations("transfers.progress");
  const stateLabel = useStateLabel();
  if (stage.kind === "idle") return null;
  const at =
    stage.kind === "ready" || stage.kind === "refused"
      ? 2
      : ORDER.indexOf(stage.kind as (typeof ORDER)[number]);
  const labels = [
    t("reading"),
    stage.kind === "validating"
      ? t("validating", { done: stage.done, total: stage.total })
      : t("validated", { count: rows }),
    stage.kind === "refused"
      ? t("refused")
      : stage.kind === "submitting"
        ? t("submitting")
        : t("submit"),
    stage.kind === "accepted"
      ? t("acceptedState", { state: stateLabel(stage.state) })
      : t("accepted"),
  ];
  return (
    <ol
      className="flex flex-wrap gap-x-6 gap-y-2 text-sm"
      data-testid="batch-progress"
      data-stage={stage.kind}
    >
      {labels.map((l, i) => {
        const done = i < at || stage.kind === "accepted";
        const active =
          i === at &&
          (stage.kind === "parsing" || stage.kind === "validating" || stage.kind === "submitting");
        return (
          <li
            key={i}
            className={cn(
              "flex items-center gap-1.5",
              done
                ? "text-emerald-700"
                : active
                  ? "font-medium text-brand-700"
                  : stage.kind === "refused" && i === 2
                    ? "text-red-700"
                    : "text-slate-600",
            )}
          >
            {done ? (
              <Check className="h-4 w-4" aria-hidden />
            ) : active ? (
              <Loader2 className="h-4 w-4 animate-spin" aria-hidden />
            ) : (
              <span className="grid h-4 w-4 place-items-center rounded-full border text-[10px]">
                {i + 1}
              </span>
            )}
            {l}
          </li>
        );
      })}
      {stage.kind === "validating" ? (
        <li className="w-full">
          <div className="h-1.5 w-full overflow-hidden rounded bg-slate-100">
            <div
              className="h-full bg-brand-500 transition-all"
              style={{ width: `${Math.round((stage.done / Math.max(1, stage.total)) * 100)}%` }}
            />
          </div>
        </li>
      ) : null}
    </ol>
  );
}
