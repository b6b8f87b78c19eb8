import { Badge } from "../ui/badge";
import { formatWhen } from "./format-time";
import type { TApproval } from "./api";

export function ApprovalsList({ approvals }: { approvals: TApproval[] }) {
  if (approvals.length === 0) return <p className="text-sm text-slate-500">No decisions yet.</p>;
  return (
    <ul className="space-y-2" data-testid="approvals">
      {approvals.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={a.decision === "approved" ? "green" : "red"}>{a.decision}</Badge>
          <span className="font-medium">{a.approver?.name ?? "unknown"}</span>
          <span className="text-slate-500">{formatWhen(a.at)}</span>
          {a.stepUp ? <Badge tone="purple">step-up</Badge> : null}
          {!a.current ? <Badge tone="gray">void: the payout was edited after</Badge> : null}
          {a.comment ? <span className="w-full pl-1 text-slate-600">“{a.comment}”</span> : null}
        </li>
      ))}
    </ul>
  );
}
