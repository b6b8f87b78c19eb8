"use client";

import { useCallback, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ApiError } from "../api-client";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { Dialog } from "../ui/dialog";
import { inputClass } from "./fields";
import { useDecide, useStepUp, type TDecideVars } from "./use-operations";

// Approve/reject with step-up: a 403 step_up_required opens a password dialog; after a good
// password the decision is sent again (under a new Idempotency-Key: the 403 was stored under the
// first one). One step-up covers the policy's window, so a bulk approval asks at most once.
export function useDecisionFlow() {
  const t = useTranslations("operations.stepUp");
  const decide = useDecide();
  const stepUp = useStepUp();
  const [asking, setAsking] = useState(false);
  const [password, setPassword] = useState("");
  const answer = useRef<((ok: boolean) => void) | null>(null);

  const askPassword = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        answer.current = resolve;
        setPassword("");
        stepUp.reset();
        setAsking(true);
      }),
    [stepUp],
  );

  const run = useCallback(
    async (v: TDecideVars) => {
      try {
        return await decide.mutateAsync(v);
      } catch (err) {
        if (!(err instanceof ApiError && err.problem.code === "step_up_required")) throw err;
        if (!(await askPassword())) throw err;
        return decide.mutateAsync(v);
      }
    },
    [decide, askPassword],
  );

  function finish(ok: boolean) {
    setAsking(false);
    answer.current?.(ok);
    answer.current = null;
  }

  const dialog = (
    <Dialog open={asking} onClose={() => finish(false)} title={t("title")} testId="step-up-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          stepUp.mutate(password, { onSuccess: () => finish(true) });
        }}
        className="space-y-3"
      >
        <p className="text-sm text-slate-600">{t("body")}</p>
        <label className="block text-sm font-medium text-slate-700">
          {t("password")}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={inputClass}
            autoFocus
            data-testid="step-up-password"
          />
        </label>
        <ErrorNote error={stepUp.error} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={() => finish(false)}>
            {t("cancel")}
          </Button>
          <Button
            type="submit"
            disabled={!password || stepUp.isPending}
            data-testid="step-up-submit"
          >
            {stepUp.isPending ? t("checking") : t("confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );

  return { run, dialog, pending: decide.isPending || asking };
}
