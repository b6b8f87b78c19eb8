"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { formatCop, minorToPesosInput } from "../money/format";
import { parsePesos } from "../money/parse";
import { Field, inputClass } from "../operations/fields";
import { ZPolicySettings, type TPolicySettings } from "@/lib/guard/policy-schema";
import { useSavePolicy } from "./use-policy";
import type { TPolicy } from "./api";

// Money settings are edited in pesos (as text) and saved as minor units; the shared schema
// validates the result exactly as the server will.
const MONEY = {
  "tiers.noApprovalMax": "No approval up to",
  "tiers.oneApproverMax": "One approver up to",
  "tiers.twoApproversMax": "Two approvers + step-up up to (above: refused)",
  dailyCapPerOperator: "Daily cap per operator",
  lowBalanceFloor: "Low-balance floor (approver context)",
  "fees.payout.co_ach": "Payout fee: ACH",
  "fees.payout.co_mono_turbo": "Payout fee: Mono Turbo",
  "fees.payout.co_transfiya": "Payout fee: Transfiya",
  "fees.payout.co_breb": "Payout fee: Bre-B",
  "fees.transfer.ach": "Transfer fee: ACH",
  "fees.transfer.turbo": "Transfer fee: Turbo",
  "fees.transfer.transfiya": "Transfer fee: Transfiya",
} as const;
type TMoneyKey = keyof typeof MONEY;
const INTS = {
  duplicateWindowHours: ["Duplicate window", "hours"],
  approvalExpiryDays: ["Approvals expire after", "days"],
  stepUpWindowMinutes: ["Step-up valid for", "minutes"],
  "fees.gmfPerThousand": ["GMF, 4×1000 tax", "per thousand"],
} as const;
type TIntKey = keyof typeof INTS;

function get(s: TPolicySettings, path: string): number {
  return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s) as number;
}
function set(s: TPolicySettings, path: string, v: number): TPolicySettings {
  const copy = structuredClone(s);
  const keys = path.split(".");
  const last = keys.pop()!;
  (
    keys.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], copy) as Record<
      string,
      number
    >
  )[last] = v;
  return copy;
}

export function PolicyForm({ policy, canWrite }: { policy: TPolicy; canWrite: boolean }) {
  const save = useSavePolicy();
  const init = () =>
    Object.fromEntries([
      ...Object.keys(MONEY).map((k) => [k, minorToPesosInput(get(policy.settings, k))]),
      ...Object.keys(INTS).map((k) => [k, String(get(policy.settings, k))]),
    ]) as Record<string, string>;
  const [text, setText] = useState<Record<string, string>>(init);
  const [reason, setReason] = useState("");
  const [saved, setSaved] = useState(false);

  const fieldErrors: Record<string, string> = {};
  let next = policy.settings;
  for (const k of Object.keys(MONEY) as TMoneyKey[]) {
    const raw = text[k].trim();
    if (raw === "0") next = set(next, k, 0);
    else {
      const p = parsePesos(raw);
      if (p.ok) next = set(next, k, p.minor);
      else fieldErrors[k] = p.error;
    }
  }
  for (const k of Object.keys(INTS) as TIntKey[]) {
    if (/^\d+$/.test(text[k].trim())) next = set(next, k, Number(text[k].trim()));
    else fieldErrors[k] = "A whole number";
  }
  const parsed = ZPolicySettings.safeParse(next);
  const schemaError = parsed.success
    ? null
    : parsed.error.issues.map((i) => `${i.path.join(".") || "policy"}: ${i.message}`).join("; ");
  const changed = parsed.success
    ? Object.keys(MONEY)
        .concat(Object.keys(INTS))
        .filter((k) => get(parsed.data, k) !== get(policy.settings, k))
    : [];

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!parsed.success) return;
    setSaved(false);
    // The kill switch is owned by its own control; keep whatever the server has now.
    save.mutate(
      {
        settings: { ...parsed.data, killSwitch: policy.settings.killSwitch },
        expectedVersion: policy.version,
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          setReason("");
          setSaved(true);
        },
      },
    );
  }

  const money = (k: TMoneyKey) => (
    <Field
      key={k}
      label={MONEY[k]}
      error={fieldErrors[k]}
      hint={!fieldErrors[k] ? formatCop(get(next, k)) : undefined}
    >
      <input
        value={text[k]}
        disabled={!canWrite}
        onChange={(e) => setText({ ...text, [k]: e.target.value })}
        inputMode="decimal"
        className={inputClass + " text-right tabular-nums"}
        data-testid={`policy-${k}`}
      />
    </Field>
  );
  const int = (k: TIntKey) => (
    <Field key={k} label={`${INTS[k][0]} (${INTS[k][1]})`} error={fieldErrors[k]}>
      <input
        value={text[k]}
        disabled={!canWrite}
        onChange={(e) => setText({ ...text, [k]: e.target.value })}
        inputMode="numeric"
        className={inputClass + " text-right tabular-nums"}
        data-testid={`policy-${k}`}
      />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label="Payout policy">
      <Card>
        <CardHeader
          title="Approval tiers"
          description="Boundaries are inclusive: an amount exactly at a limit stays in the lower tier. Amounts in pesos."
        />
        <div className="grid gap-4 p-5 sm:grid-cols-3">
          {(["tiers.noApprovalMax", "tiers.oneApproverMax", "tiers.twoApproversMax"] as const).map(
            money,
          )}
        </div>
      </Card>
      <Card>
        <CardHeader title="Limits and windows" />
        <div className="grid gap-4 p-5 sm:grid-cols-3">
          {money("dailyCapPerOperator")}
          {money("lowBalanceFloor")}
          {int("duplicateWindowHours")}
          {int("approvalExpiryDays")}
          {int("stepUpWindowMinutes")}
        </div>
      </Card>
      <Card>
        <CardHeader
          title="Fee schedule"
          description="Used for the balance pre-check and the estimate shown before submitting; Mono computes the real fee."
        />
        <div className="grid gap-4 p-5 sm:grid-cols-4">
          {(
            [
              "fees.payout.co_ach",
              "fees.payout.co_mono_turbo",
              "fees.payout.co_transfiya",
              "fees.payout.co_breb",
              "fees.transfer.ach",
              "fees.transfer.turbo",
              "fees.transfer.transfiya",
            ] as const
          ).map(money)}
          {int("fees.gmfPerThousand")}
        </div>
      </Card>
      {canWrite ? (
        <Card className="space-y-3 p-5">
          {schemaError ? (
            <p role="alert" className="text-sm text-red-700">
              {schemaError}
            </p>
          ) : null}
          <p className="text-sm text-slate-700" data-testid="policy-changes">
            {changed.length ? `Changing: ${changed.join(", ")}` : "No changes yet."}
          </p>
          <Field label="Reason for this change (audited)">
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              className={inputClass}
              placeholder="e.g. Treasury raised the one-approver tier, ticket OPS-88"
              data-testid="policy-reason"
            />
          </Field>
          <ErrorNote error={save.error} />
          {saved ? (
            <p role="status" className="text-sm text-emerald-700">
              Saved as version {policy.version}. It applies to the next submission and decision.
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button
              type="submit"
              disabled={
                !parsed.success || !changed.length || reason.trim().length < 5 || save.isPending
              }
              data-testid="policy-save"
            >
              {save.isPending ? "Saving…" : `Save as version ${policy.version + 1}`}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setText(init())}>
              Discard changes
            </Button>
          </div>
        </Card>
      ) : (
        <p className="text-sm text-slate-500">Only admins can change the policy.</p>
      )}
    </form>
  );
}
