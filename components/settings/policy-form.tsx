"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { minorToPesosInput } from "../money/format";
import { parsePesos } from "../money/parse";
import { Field, inputClass } from "../operations/fields";
import { ZPolicySettings, type TPolicySettings } from "@/lib/guard/policy-schema";
import { useSavePolicy } from "./use-policy";
import type { TPolicy } from "./api";

// Money settings are edited in pesos (as text) and saved as minor units; the shared schema
// validates the result exactly as the server will.
// The labels are settings.fields.<path> (the path of the setting, e.g. fees.payout.co_ach).
const MONEY = [
  "tiers.noApprovalMax",
  "tiers.oneApproverMax",
  "tiers.twoApproversMax",
  "dailyCapPerOperator",
  "lowBalanceFloor",
  "fees.payout.co_ach",
  "fees.payout.co_mono_turbo",
  "fees.payout.co_transfiya",
  "fees.payout.co_breb",
  "fees.transfer.ach",
  "fees.transfer.turbo",
  "fees.transfer.transfiya",
] as const;
type TMoneyKey = (typeof MONEY)[number];
const INTS = [
  "duplicateWindowHours",
  "approvalExpiryDays",
  "stepUpWindowMinutes",
  "fees.gmfPerThousand",
] as const;
type TIntKey = (typeof INTS)[number];

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
  const t = useTranslations("settings");
  const f = useFormat();
  const save = useSavePolicy();
  const init = () =>
    Object.fromEntries([
      ...MONEY.map((k) => [k, minorToPesosInput(get(policy.settings, k))]),
      ...INTS.map((k) => [k, String(get(policy.settings, k))]),
    ]) as Record<string, string>;
  const [text, setText] = useState<Record<string, string>>(init);
  const [reason, setReason] = useState("");
  const [saved, setSaved] = useState(false);

  const fieldErrors: Record<string, string> = {};
  let next = policy.settings;
  for (const k of MONEY) {
    const raw = text[k].trim();
    if (raw === "0") next = set(next, k, 0);
    else {
      const p = parsePesos(raw);
      if (p.ok) next = set(next, k, p.minor);
      else fieldErrors[k] = p.error;
    }
  }
  for (const k of INTS) {
    if (/^\d+$/.test(text[k].trim())) next = set(next, k, Number(text[k].trim()));
    else fieldErrors[k] = t("wholeNumber");
  }
  const parsed = ZPolicySettings.safeParse(next);
  const schemaError = parsed.success
    ? null
    : parsed.error.issues.map((i) => `${i.path.join(".") || "policy"}: ${i.message}`).join("; ");
  const changed = parsed.success
    ? [...MONEY, ...INTS].filter((k) => get(parsed.data, k) !== get(policy.settings, k))
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
      label={t(`fields.${k}`)}
      error={fieldErrors[k]}
      hint={!fieldErrors[k] ? f.money(get(next, k)) : undefined}
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
    <Field key={k} label={t(`fields.${k}`)} error={fieldErrors[k]}>
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
    <form onSubmit={onSubmit} className="space-y-6" aria-label={t("policy")}>
      <Card>
        <CardHeader title={t("tiers.title")} description={t("tiers.description")} />
        <div className="grid gap-4 p-5 sm:grid-cols-3">
          {(["tiers.noApprovalMax", "tiers.oneApproverMax", "tiers.twoApproversMax"] as const).map(
            money,
          )}
        </div>
      </Card>
      <Card>
        <CardHeader title={t("limits.title")} />
        <div className="grid gap-4 p-5 sm:grid-cols-3">
          {money("dailyCapPerOperator")}
          {money("lowBalanceFloor")}
          {int("duplicateWindowHours")}
          {int("approvalExpiryDays")}
          {int("stepUpWindowMinutes")}
        </div>
      </Card>
      <Card>
        <CardHeader title={t("fees.title")} description={t("fees.description")} />
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
            {changed.length ? t("changing", { keys: changed.join(", ") }) : t("noChanges")}
          </p>
          <Field label={t("reason")}>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              className={inputClass}
              placeholder={t("reasonHint")}
              data-testid="policy-reason"
            />
          </Field>
          <ErrorNote error={save.error} />
          {saved ? (
            <p role="status" className="text-sm text-emerald-700">
              {t("saved", { version: policy.version })}
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
              {save.isPending ? t("saving") : t("saveAs", { version: policy.version + 1 })}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setText(init())}>
              {t("discard")}
            </Button>
          </div>
        </Card>
      ) : (
        <p className="text-sm text-slate-500">{t("onlyAdmins")}</p>
      )}
    </form>
  );
}
