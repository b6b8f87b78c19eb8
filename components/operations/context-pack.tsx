import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { formatCop } from "../money/format";
import { formatWhen } from "./format-time";
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
  return (
    <div className="grid gap-4 text-sm md:grid-cols-2" data-testid="context-pack">
      <div className="space-y-1">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Balance</h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-slate-500">Available now</dt>
          <dd className="text-right tabular-nums">
            {context.available === null ? "unavailable" : formatCop(context.available)}
          </dd>
          <dt className="text-slate-500">After this payout</dt>
          <dd
            className={`text-right font-semibold tabular-nums ${context.belowFloorAfter ? "text-red-700" : ""}`}
            data-testid="balance-after"
          >
            {context.balanceAfter === null ? "unavailable" : formatCop(context.balanceAfter)}
          </dd>
          <dt className="text-slate-500">Low-balance floor</dt>
          <dd className="text-right tabular-nums">{formatCop(context.lowBalanceFloor)}</dd>
        </dl>
        {context.belowFloorAfter ? (
          <p
            className="mt-2 flex gap-1.5 rounded-md bg-red-50 px-2 py-1.5 text-red-800"
            data-testid="below-floor"
          >
            <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> This payout takes the
            account below the floor.
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          Who and why
        </h3>
        <p>
          <span className="text-slate-500">Maker:</span>{" "}
          {createdBy ? `${createdBy.name} (${createdBy.email})` : "unknown"}
        </p>
        <p>
          <span className="text-slate-500">Reason:</span> {operation.reason}
        </p>
        <p>
          <span className="text-slate-500">Ticket:</span> {operation.ticketRef ?? "none"}
        </p>
        {operation.duplicateReason ? (
          <p className="text-amber-800">
            <span className="text-slate-500">Sent despite a possible duplicate:</span>{" "}
            {operation.duplicateReason}
          </p>
        ) : null}
      </div>
      <div className="md:col-span-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          Earlier payouts to this account
        </h3>
        {context.priorToBeneficiary.length === 0 ? (
          <p className="mt-1 text-slate-600">None: first payout to this account.</p>
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
                <span className="tabular-nums">{formatCop(p.amount)}</span>
                <span className="text-xs text-slate-500">{formatWhen(p.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
