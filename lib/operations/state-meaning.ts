import type { OPERATION_STATES } from "./list-filters";

type OperationState = (typeof OPERATION_STATES)[number];

// What each state means, in the words an ops person would use with a customer.
export const STATE_MEANING: Record<OperationState, string> = {
  draft: "Being prepared; nothing has been sent.",
  pending_approval: "Waiting for approval; nothing has been sent.",
  approved: "Approved and queued to send (held while the kill switch is on).",
  sending: "Being sent to Mono right now.",
  accepted: "Accepted by Mono, not settled yet.",
  settled: "Settled: Mono confirms the money moved.",
  failed: "Failed: Mono confirms no money moved (or it was refused).",
  rejected: "Rejected by an approver; nothing was sent.",
  cancelled: "Cancelled before sending; nothing was sent.",
  expired: "Approval not given in time; nothing was sent.",
  needs_attention: "Outcome unknown after retries: check with Mono before doing anything else.",
};
