"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ApiError } from "../api-client";
import { useFormat } from "../i18n/use-format";
import { Button } from "../ui/button";
import { ErrorNote, useDetailText } from "../ui/error-note";
import { inputClass } from "./fields";
import { StateBadge } from "./state-badge";
import type { TOperationState } from "./api";

type TMatch = { id: string; state: TOperationState; createdAt: string };

const num = (v: unknown) => (typeof v === "number" ? v : 0);
const strong = (c: React.ReactNode) => <strong>{c}</strong>;

// What the guard said when it refused a submission, in the operator's terms: the shortfall, what
// is left of the daily cap, the suspected duplicates (with a typed reason to send anyway).
export function GuardProblem({
  error,
  onConfirmDuplicate,
  busy,
}: {
  error: unknown;
  onConfirmDuplicate?: (reason: string) => void;
  busy?: boolean;
}) {
  const t = useTranslations("operations.problem");
  const f = useFormat();
  const detailText = useDetailText();
  const [reason, setReason] = useState("");
  if (!(error instanceof ApiError)) return <ErrorNote error={error} />;
  const p = error.problem;
  const meta = p.meta ?? {};
  // The detail in the person's language (errors.details.<code>), the server's English otherwise.
  const detail = detailText(p);
  const box = (title: string, body: React.ReactNode) => (
    <div
      role="alert"
      data-testid={`guard-${String(meta.reason ?? p.code)}`}
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p className="font-semibold">{title}</p>
      <div className="mt-1 space-y-2">{body}</div>
      {p.request_id ? (
        <p className="mt-2 text-xs text-amber-800">
          {t.rich("requestId", { id: p.request_id, code: (c) => <code>{c}</code> })}
        </p>
      ) : null}
    </div>
  );
  switch (meta.reason) {
    case "insufficient_balance":
      return box(
        t("insufficientTitle"),
        <p>
          {t.rich("insufficient", {
            available: f.money(num(meta.available)),
            required: f.money(num(meta.required)),
            shortfall: f.money(num(meta.shortfall)),
            strong,
            short: (c) => <strong data-testid="shortfall">{c}</strong>,
          })}
        </p>,
      );
    case "daily_cap_exceeded":
      return box(
        t("capTitle"),
        <p>
          {t.rich("cap", {
            cap: f.money(num(meta.cap)),
            used: f.money(num(meta.used)),
            remaining: f.money(num(meta.remaining)),
            strong,
          })}
        </p>,
      );
    case "amount_over_limit":
      return box(
        t("overLimitTitle"),
        <p>
          {t("overLimit", {
            detail,
            // A detail worded from its code already says the limit.
            hasMax: typeof meta.max === "number" && !meta.detail_code ? "yes" : "no",
            max: typeof meta.max === "number" ? f.money(meta.max) : "",
          })}
        </p>,
      );
    case "duplicate_suspected": {
      const flaggedRows = (Array.isArray(meta.rows) ? meta.rows : []) as {
        row: number;
        sameAsRow: number | null;
        matches: TMatch[];
      }[];
      if (flaggedRows.length)
        return box(
          t("duplicateRowsTitle"),
          <>
            <p>{t("duplicateRows", { detail })}</p>
            <ul className="space-y-1" data-testid="duplicate-rows">
              {flaggedRows.slice(0, 20).map((r) => (
                <li key={r.row} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{t("row", { row: r.row + 1 })}</span>
                  {r.sameAsRow !== null ? (
                    <span>{t("sameAsRow", { row: r.sameAsRow + 1 })}</span>
                  ) : null}
                  {r.matches.map((m) => (
                    <Link
                      key={m.id}
                      href={`/operations/${m.id}`}
                      className="font-mono text-xs text-brand-700 underline"
                      target="_blank"
                    >
                      {m.id}
                    </Link>
                  ))}
                </li>
              ))}
            </ul>
          </>,
        );
      const matches = (Array.isArray(meta.matches) ? meta.matches : []) as TMatch[];
      return box(
        t("duplicateTitle"),
        <>
          <p>{t("duplicate", { detail })}</p>
          <ul className="space-y-1" data-testid="duplicate-matches">
            {matches.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/operations/${m.id}`}
                  className="font-mono text-xs text-brand-700 underline"
                  target="_blank"
                >
                  {m.id}
                </Link>
                <StateBadge state={m.state} />
                <span className="text-xs">{f.when(m.createdAt)}</span>
              </li>
            ))}
          </ul>
          {onConfirmDuplicate ? (
            <div className="space-y-2">
              <label className="block text-sm font-medium">
                {t("whyAgain")}
                <textarea
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  rows={2}
                  maxLength={500}
                  className={inputClass + " bg-white"}
                  data-testid="duplicate-reason"
                />
              </label>
              <Button
                type="button"
                variant="danger"
                disabled={busy || reason.trim().length < 5}
                onClick={() => onConfirmDuplicate(reason.trim())}
                data-testid="confirm-duplicate"
              >
                {t("sendAnyway")}
              </Button>
            </div>
          ) : null}
        </>,
      );
    }
    default:
      if (p.code === "idempotency_key_in_use") return box(t("inUseTitle"), <p>{t("inUse")}</p>);
      if (p.code === "idempotency_key_reused") return box(t("reusedTitle"), <p>{t("reused")}</p>);
      return <ErrorNote error={error} />;
  }
}
