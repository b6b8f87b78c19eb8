"use client";

import { CheckCircle2 } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { Field, inputClass } from "../operations/fields";
import { maskDigits } from "@/lib/operations/mask";
import { useResolveBreb } from "./use-payouts";
import type { TBrebTarget } from "./api";

// A Bre-B key (phone, document, email, @alias…) is resolved at Mono first; the operator sees the
// holder's name and confirms it is the right person before the beneficiary is filled in.
export function BrebKey({
  sourceAccountId,
  confirmed,
  onConfirm,
  onClear,
}: {
  sourceAccountId: string;
  confirmed: TBrebTarget | null;
  onConfirm: (t: TBrebTarget) => void;
  onClear: () => void;
}) {
  const t = useTranslations("payouts.breb");
  const [key, setKey] = useState("");
  const account = (type: string, number: string) =>
    t("account", { type, number: maskDigits(number) });
  const resolve = useResolveBreb();
  const found = resolve.data;

  if (confirmed) {
    return (
      <div
        className="flex items-start justify-between gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        data-testid="breb-confirmed"
      >
        <div className="flex gap-2">
          <CheckCircle2 className="mt-0.5 h-4 w-4" aria-hidden />
          <div>
            {t.rich("paying", {
              name: confirmed.holderName,
              document: `${confirmed.documentType} ${confirmed.documentMasked}`,
              account: account(confirmed.accountType, confirmed.accountNumber),
              strong: (c) => <strong>{c}</strong>,
            })}
          </div>
        </div>
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            resolve.reset();
            onClear();
          }}
        >
          {t("changeKey")}
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex items-end gap-2">
        <Field label={t("key")} hint={t("keyHint")} className="flex-1">
          <input
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              resolve.reset();
            }}
            autoComplete="off"
            className={inputClass}
            data-testid="breb-key"
          />
        </Field>
        <Button
          type="button"
          variant="secondary"
          className="mb-5"
          disabled={!sourceAccountId || key.trim().length < 6 || resolve.isPending}
          onClick={() => resolve.mutate({ sourceAccountId, key: key.trim() })}
          data-testid="breb-resolve"
        >
          {resolve.isPending ? t("resolving") : t("resolve")}
        </Button>
      </div>
      {!sourceAccountId ? <p className="text-xs text-slate-500">{t("sourceFirst")}</p> : null}
      <ErrorNote error={resolve.error} />
      {found ? (
        <div
          className="rounded-md border border-brand-100 bg-brand-50 px-3 py-3 text-sm"
          data-testid="breb-holder"
        >
          <p>{t("belongsTo")}</p>
          <p className="mt-1 text-lg font-semibold text-slate-900">{found.holderName}</p>
          <p className="text-slate-600">
            {t("holder", {
              document: `${found.documentType} ${found.documentMasked}`,
              account: account(found.accountType, found.accountNumber),
              keyType: found.keyType,
            })}
          </p>
          <div className="mt-3 flex gap-2">
            <Button type="button" onClick={() => onConfirm(found)} data-testid="breb-confirm">
              {t("confirm")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => resolve.reset()}>
              {t("wrong")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
