"use client";

import { useTranslations } from "next-intl";
import { ContextPack } from "../operations/context-pack";
import { DecisionPanel } from "../operations/decision-panel";
import { ErrorNote } from "../ui/error-note";
import { useOperation } from "../operations/use-operations";

// The approver's inline review of one queued operation: the context pack, then the decision. The
// decided row leaves the queue when the list refreshes, so the queue reports the outcome itself.
export function ReviewRow({
  id,
  onDecided,
}: {
  id: string;
  onDecided: (decision: "approved" | "rejected", state: string) => void;
}) {
  const t = useTranslations("approvals.review");
  const meaning = useTranslations("operations.stateMeaning");
  const q = useOperation(id);
  if (q.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (q.error) return <ErrorNote error={q.error} />;
  const { operation, context, createdBy, permissions } = q.data;
  return (
    <div className="space-y-4" data-testid={`review-${id}`}>
      {context ? (
        <ContextPack context={context} operation={operation} createdBy={createdBy} />
      ) : (
        <p className="text-sm text-slate-600">
          {meaning.has(operation.state) ? meaning(operation.state) : operation.meaning}
        </p>
      )}
      {permissions.canDecide ? (
        <DecisionPanel operation={operation} onDone={onDecided} />
      ) : (
        <p className="text-sm text-slate-500">{t("cannot")}</p>
      )}
    </div>
  );
}
