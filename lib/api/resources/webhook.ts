import { z } from "zod";
import type { WebhookEvent } from "@/generated/prisma/browser";
import { maskJsonText, maskPii, maskText } from "../../operations/mask";
import { present, ZIso, ZJsonObject, ZMoney } from "./wire";

// The webhook-event resource. Mono's bodies carry beneficiary account and document numbers: every
// answer shows them masked (`body` is the stored raw body parsed, masked and re-printed; `data`
// masked the same way). The raw bytes stay stored for signature checks and reprocessing; they are
// answered only by the audited reveal (POST /api/webhooks/events/{id}/reveal, ZWebhookReveal).

export const ZProcessingResult = z.enum([
  "applied",
  "ignored_stale",
  "correction",
  "external",
  "error",
]);

export const ZWebhookRow = z.object({
  id: z.number().int(),
  type: z.string(),
  objectId: z.string().nullable(),
  signatureResult: z.enum(["valid", "valid_previous_secret"]),
  eventTimestamp: ZIso.nullable(),
  receivedAt: ZIso,
  deliveries: z.number().int(),
  processedAt: ZIso.nullable(),
  processingResult: ZProcessingResult.nullable(),
  processingError: z.string().nullable(),
  operationId: z.string().nullable(),
  external: z.boolean(),
});
export type TWebhookRow = z.infer<typeof ZWebhookRow>;

export const ZWebhookPage = z.object({
  events: z.array(ZWebhookRow),
  nextBefore: z.string().nullable(),
});
export type TWebhookPage = z.infer<typeof ZWebhookPage>;

type TRowLike = Pick<WebhookEvent, "processingError"> & Record<string, unknown>;
const maskRow = <T extends TRowLike>(r: T): T => ({
  ...r,
  processingError: r.processingError === null ? null : maskText(r.processingError),
});

export function presentWebhookPage(p: { events: TRowLike[]; nextBefore: string | null }) {
  return present(ZWebhookPage, { events: p.events.map(maskRow), nextBefore: p.nextBefore });
}

export const ZWebhookDetail = z.object({
  event: ZWebhookRow.extend({
    body: z.string(), // the stored raw body, masked and pretty-printed
    bodyBytes: z.number().int(), // size of the raw body as received
    data: ZJsonObject,
    dedupeKey: z.string(),
    processingDetails: ZJsonObject.nullable(),
  }),
  operation: z
    .object({
      id: z.string(),
      kind: z.string(),
      state: z.string(),
      amount: ZMoney,
      currency: z.string(),
      monoId: z.string().nullable(),
    })
    .nullable(),
});
export type TWebhookDetail = z.infer<typeof ZWebhookDetail>;

export function presentWebhookDetail(d: {
  event: WebhookEvent;
  operation: Record<string, unknown> | null;
}): TWebhookDetail {
  const ev = d.event;
  return present(ZWebhookDetail, {
    operation: d.operation,
    event: {
      ...maskRow(ev),
      rawBody: undefined,
      body: maskJsonText(ev.rawBody),
      bodyBytes: new TextEncoder().encode(ev.rawBody).length,
      data: maskPii(ev.data),
      processingDetails: ev.processingDetails === null ? null : maskPii(ev.processingDetails),
    },
  });
}

// The audited reveal: the raw body exactly as Mono sent it, and its parsed data.
export const ZWebhookReveal = z.object({
  id: z.number().int(),
  rawBody: z.string(),
  data: ZJsonObject,
});
export type TWebhookReveal = z.infer<typeof ZWebhookReveal>;
export function presentWebhookReveal(ev: Pick<WebhookEvent, "id" | "rawBody" | "data">) {
  return present(ZWebhookReveal, ev);
}

export const ZReprocessOutcome = z.object({
  eventId: z.string(),
  result: z.string(),
  operationId: z.string().nullable(),
  error: z.string().optional(),
});
export type TReprocessOutcome = z.infer<typeof ZReprocessOutcome>;
export function presentReprocessOutcome(o: { error?: string | null } & Record<string, unknown>) {
  return present(ZReprocessOutcome, { ...o, error: o.error ? maskText(o.error) : undefined });
}

// The webhook page's header: events per type, signature/envelope rejections in the last 24 h by
// reason, and when the last event arrived.
export const ZWebhookSummary = z.object({
  types: z.array(z.object({ type: z.string(), count: z.number().int() })),
  rejections24h: z.record(z.string(), z.number().int()),
  lastReceivedAt: ZIso.nullable(),
});
export type TWebhookSummary = z.infer<typeof ZWebhookSummary>;
export function presentWebhookSummary(s: unknown) {
  return present(ZWebhookSummary, s);
}

// The receiver's answer to Mono (POST /api/webhooks/mono). `unprocessable`: signed, but its data
// cannot be stored; kept with the raw body, never processed.
export const ZWebhookReceipt = z.object({
  received: z.literal(true),
  event_id: z.string(),
  duplicate: z.boolean(),
  deliveries: z.number().int(),
  unprocessable: z.literal(true).optional(),
});
export function presentWebhookReceipt(r: unknown) {
  return present(ZWebhookReceipt, r);
}
