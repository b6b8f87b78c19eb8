import { apiFetch } from "../api-client";
import type { TOperationRecord } from "../operations/api";
import type { TTransfersInput } from "@/lib/operations/schemas";

export const submitTransfersRequest = (body: TTransfersInput, idempotencyKey: string) =>
  apiFetch<{ operation: TOperationRecord }>("/api/operations/transfers", {
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
