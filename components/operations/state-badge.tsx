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

export const stateLabel = (state: TOperationState) => state.replace(/_/g, " ");

export function StateBadge({ state }: { state: TOperationState }) {
  return (
    <span data-testid="state-badge" data-state={state}>
      <Badge tone={toneOf(state)}>{stateLabel(state)}</Badge>
    </span>
  );
}
