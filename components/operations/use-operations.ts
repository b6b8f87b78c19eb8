"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  cancelRequest,
  decideRequest,
  editPayoutRequest,
  fetchOperation,
  fetchOperationsPage,
  operationKeys,
  revealRequest,
  stepUpRequest,
  type TEditPayout,
  type TListFilters,
  type TOperationState,
} from "./api";
import { useKeyRing } from "./idempotency";

// States that change on their own (workers, Mono): the detail page polls while in one of them so
// the operator sees the payout settle without reloading.
const MOVING: TOperationState[] = ["approved", "sending", "accepted"];
export const isMoving = (s: TOperationState) => MOVING.includes(s);

export function useOperationsList(filters: TListFilters, o: { refetchInterval?: number } = {}) {
  return useInfiniteQuery({
    queryKey: operationKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchOperationsPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: o.refetchInterval,
  });
}

export function useOperation(id: string) {
  return useQuery({
    queryKey: operationKeys.detail(id),
    queryFn: ({ signal }) => fetchOperation(id, signal),
    // Moving states poll fast; one waiting for approval polls slower so its maker sees the decision.
    refetchInterval: (q) => {
      const state = q.state.data?.operation.state;
      return state && isMoving(state) ? 3_000 : state === "pending_approval" ? 5_000 : false;
    },
  });
}

function useInvalidateOperation() {
  const qc = useQueryClient();
  return (id: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: operationKeys.detail(id) }),
      qc.invalidateQueries({ queryKey: operationKeys.lists() }),
    ]);
}

export type TDecideVars = {
  id: string;
  fingerprint: string;
  decision: "approved" | "rejected";
  comment?: string;
};

// Approve/reject. The key is per (operation, decision) while the outcome is unknown; the 403
// step_up_required answer is stored under its key, so the retry after step-up gets a new one.
export function useDecide() {
  const invalidate = useInvalidateOperation();
  const keys = useKeyRing();
  return useMutation({
    mutationFn: async (v: TDecideVars) => {
      const scope = `${v.id}:${v.decision}:${v.fingerprint}`;
      try {
        const r = await decideRequest(
          v.id,
          {
            decision: v.decision,
            fingerprint: v.fingerprint,
            ...(v.comment ? { comment: v.comment } : {}),
          },
          keys.keyFor(scope),
        );
        keys.settle(scope);
        return r;
      } catch (err) {
        keys.settle(scope, err);
        throw err;
      }
    },
    onSettled: (_d, _e, v) => invalidate(v.id),
  });
}

export function useStepUp() {
  return useMutation({ mutationFn: stepUpRequest });
}

export function useCancelOperation() {
  const invalidate = useInvalidateOperation();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) => cancelRequest(v.id, v.reason),
    onSettled: (_d, _e, v) => invalidate(v.id),
  });
}

export function useRevealBeneficiary() {
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) => revealRequest(v.id, v.reason),
  });
}

export function useEditPayout() {
  const invalidate = useInvalidateOperation();
  const keys = useKeyRing();
  return useMutation({
    mutationFn: async (v: { id: string; body: TEditPayout }) => {
      const scope = `${v.id}:${JSON.stringify(v.body)}`;
      try {
        const r = await editPayoutRequest(v.id, v.body, keys.keyFor(scope));
        keys.settle(scope);
        return r;
      } catch (err) {
        keys.settle(scope, err);
        throw err;
      }
    },
    onSettled: (_d, _e, v) => invalidate(v.id),
  });
}
