"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiError } from "../api-client";
import { formatCop } from "../money/format";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { formatWhen } from "./format-time";
import { inputClass } from "./fields";
import { StateBadge } from "./state-badge";
import type { TOperationState } from "./api";

type TMatch = { id: string; state: TOperationState; createdAt: string };

const num = (v: unknown) => (typeof v === "number" ? v : 0);

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
  const [reason, setReason] = useState("");
  if (!(error instanceof ApiError)) return <ErrorNote error={error} />;
  const p = error.problem;
  const meta = p.meta ?? {};
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
          Request id: <code>{p.request_id}</code>
        </p>
      ) : null}
    </div>
  );
  switch (meta.reason) {
    case "insufficient_balance":
      return box(
        "Not enough balance",
        <p>
          The source account has <strong>{formatCop(num(meta.available))}</strong> available; this
          needs <strong>{formatCop(num(meta.required))}</strong> (amount plus fees). Shortfall:{" "}
          <strong data-testid="shortfall">{formatCop(num(meta.shortfall))}</strong>.
        </p>,
      );
    case "daily_cap_exceeded":
      return box(
        "Over your daily cap",
        <p>
          Your cap is {formatCop(num(meta.cap))} per Bogotá day; you have used{" "}
          {formatCop(num(meta.used))} and have <strong>{formatCop(num(meta.remaining))}</strong>{" "}
          left today.
        </p>,
      );
    case "amount_over_limit":
      return box(
        "Amount above the console's limit",
        <p>
          {p.detail}
          {typeof meta.max === "number" ? ` (at most ${formatCop(meta.max)}).` : "."} Split it or
          ask treasury to send it another way.
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
          "Some rows look like duplicates",
          <>
            <p>
              {p.detail}. Give each highlighted row a reason in the grid&apos;s last column, then
              submit again.
            </p>
            <ul className="space-y-1" data-testid="duplicate-rows">
              {flaggedRows.slice(0, 20).map((f) => (
                <li key={f.row} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">Row {f.row + 1}</span>
                  {f.sameAsRow !== null ? <span>same as row {f.sameAsRow + 1}</span> : null}
                  {f.matches.map((m) => (
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
        "This looks like a duplicate",
        <>
          <p>{p.detail}.</p>
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
                <span className="text-xs">{formatWhen(m.createdAt)}</span>
              </li>
            ))}
          </ul>
          {onConfirmDuplicate ? (
            <div className="space-y-2">
              <label className="block text-sm font-medium">
                Why send it again? (recorded with the operation)
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
                Send anyway, it is not a duplicate
              </Button>
            </div>
          ) : null}
        </>,
      );
    }
    default:
      if (p.code === "idempotency_key_in_use")
        return box(
          "Still being processed",
          <p>
            Your previous click is still running. Wait a second and submit again: it will not be
            sent twice.
          </p>,
        );
      if (p.code === "idempotency_key_reused")
        return box(
          "Submit again",
          <p>
            This form&apos;s earlier request was different. Submit again to send what is on screen
            now.
          </p>,
        );
      return <ErrorNote error={error} />;
  }
}
