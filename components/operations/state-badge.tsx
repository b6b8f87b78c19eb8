import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import type { TOperationState } from "./api";

type TTone = Parameters<typeof Badge>[0]["tone"];

function toneOf(state: TOperationState): TTone {
  switch (state) {
    case "settled":
      return "green";
    case "accepted":
    case "sending":
    case "approved":
      return "blue";
    case "pending_approval":
    case "draft":
      return "yellow";
    case "failed":
    case "needs_attention":
      return "red";
    case "rejected":
    case "cancelled":
    case "expired":
      return "gray";
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** An operation state's name on screen ("pending approval" / "pendiente de aprobación"). */
export function useStateLabel() {
  const t = useTranslations("operations.states");
  return (state: string) => (t.has(state) ? t(state) : state.replace(/_/g, " "));
}

export function StateBadge({ state }: { state: TOperationState }) {
  const label = useStateLabel();
  return (
    <span data-testid="state-badge" data-state={state}>
      <Badge tone={toneOf(state)}>{label(state)}</Badge>
    </span>
  );
}
