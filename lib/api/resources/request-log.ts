import { z } from "zod";
import { maskPii } from "../../operations/mask";
import { present, ZIso, ZMoney } from "./wire";

// The Mono request log resource. Bodies and headers are stored redacted by the Mono client (last
// four kept); they are masked again on the way out, so a row written by any other path still
// answers masked.

export const ZRequestRow = z.object({
  requestId: z.string(),
  monoLogId: z.string().nullable(),
  operationId: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  callId: z.string(),
  attempt: z.number().int(),
  method: z.string(),
  path: z.string(),
  endpoint: z.string(),
  status: z.number().int().nullable(),
  statusClass: z.string(),
  errorCode: z.string().nullable(),
  durationMs: z.number(),
  delayBeforeMs: z.number(),
  delayReason: z.string().nullable(),
  apiKeyLabel: z.string(),
  at: ZIso,
});
export type TRequestRow = z.infer<typeof ZRequestRow>;

export const ZRequestPage = z.object({
  requests: z.array(ZRequestRow),
  nextCursor: z.string().nullable(),
});
export function presentRequestPage(p: unknown) {
  return present(ZRequestPage, p);
}

const ZHeaders = z.record(z.string(), z.string()).nullable();
export const ZRequestDetail = z.object({
  request: ZRequestRow.extend({
    traceId: z.string(),
    requestBody: z.unknown(),
    responseBody: z.unknown(),
    requestHeaders: ZHeaders,
    responseHeaders: ZHeaders,
  }),
  chain: z.array(ZRequestRow),
  operation: z
    .object({
      id: z.string(),
      kind: z.string(),
      state: z.string(),
      amount: ZMoney,
      currency: z.string(),
      monoId: z.string().nullable(),
      createdAt: ZIso,
    })
    .nullable(),
});
export type TRequestDetail = z.infer<typeof ZRequestDetail>;

export function presentRequestDetail(d: {
  request: {
    requestBody: unknown;
    responseBody: unknown;
    requestHeaders: unknown;
    responseHeaders: unknown;
  } & Record<string, unknown>;
  [k: string]: unknown;
}): TRequestDetail {
  const r = d.request;
  return present(ZRequestDetail, {
    ...d,
    request: {
      ...r,
      requestBody: maskPii(r.requestBody),
      responseBody: maskPii(r.responseBody),
      requestHeaders: maskPii(r.requestHeaders),
      responseHeaders: maskPii(r.responseHeaders),
    },
  });
}
