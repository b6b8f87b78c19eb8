"use client";

import { OctagonAlert, Play } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { cn } from "../ui/cn";
import { inputClass } from "../operations/fields";
import { useSavePolicy } from "./use-policy";
import type { TPolicy } from "./api";

// The global kill switch: while ON, nothing is sent to Mono (approved operations wait); turning it
// off releases the backlog. Flipping it needs a reason, like every policy change.
export function KillSwitch({ policy, canWrite }: { policy: TPolicy; canWrite: boolean }) {
  const t = useTranslations("settings.killSwitch");
  const save = useSavePolicy();
  const [reason, setReason] = useState("");
  const on = policy.settings.killSwitch;
  return (
    <div
      className={cn(
        "rounded-lg border-2 p-5",
        on ? "border-red-400 bg-red-50" : "border-emerald-300 bg-emerald-50",
      )}
      data-testid="kill-switch"
      data-on={on}
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex gap-3">
          {on ? (
            <OctagonAlert className="h-8 w-8 text-red-600" aria-hidden />
          ) : (
            <Play className="h-8 w-8 text-emerald-600" aria-hidden />
          )}
          <div>
            <h2 className={cn("text-lg font-semibold", on ? "text-red-900" : "text-emerald-900")}>
              {on ? t("headingOn") : t("headingOff")}
            </h2>
            <p className="text-sm text-slate-700">{on ? t("bodyOn") : t("bodyOff")}</p>
          </div>
        </div>
        {canWrite ? (
          <form
            className="flex w-full max-w-md flex-col gap-2 sm:w-auto"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(
                {
                  settings: { ...policy.settings, killSwitch: !on },
                  expectedVersion: policy.version,
                  reason: reason.trim(),
                },
                { onSuccess: () => setReason("") },
              );
            }}
          >
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={on ? t("placeholderOn") : t("placeholderOff")}
              maxLength={500}
              className={inputClass + " mt-0 bg-white"}
              aria-label={t("reason")}
              data-testid="kill-switch-reason"
            />
            <Button
              type="submit"
              variant={on ? "primary" : "danger"}
              disabled={reason.trim().length < 5 || save.isPending}
              data-testid="kill-switch-toggle"
            >
              {on ? t("toggleOn") : t("toggleOff")}
            </Button>
          </form>
        ) : null}
      </div>
      {save.error ? (
        <div className="mt-3">
          <ErrorNote error={save.error} />
        </div>
      ) : null}
    </div>
  );
}
