import { createHmac, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { POST } from "@/app/api/webhooks/mono/route";
import { callRoute } from "@/tests/support/route";

export const SECRET = process.env.MONO_WEBHOOK_SECRET!;
export const PREVIOUS = process.env.MONO_WEBHOOK_SECRET_PREVIOUS!;

export const nowSec = () => Math.floor(Date.now() / 1000);

export function sign(raw: string, o: { secret?: string; t?: number } = {}): string {
  const t = o.t ?? nowSec();
  return `t=${t},v1=${createHmac("sha256", o.secret ?? SECRET)
    .update(`${t}.${raw}`)
    .digest("hex")}`;
}

export function envelope(type: string, data: Record<string, unknown>): string {
  return JSON.stringify({ event: { type, data }, timestamp: new Date().toISOString() });
}

export function fakeId(prefix: string): string {
  const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  return `${prefix}_${[...randomBytes(22)].map((b) => B62[b % 62]).join("")}`;
}

/** POSTs a delivery to the real route handler; signed with the current secret unless `signature` says otherwise (null: no header). */
export function deliver(
  raw: string,
  o: { signature?: string | null; headers?: Record<string, string> } = {},
) {
  const h: Record<string, string> = { "content-type": "application/json", ...o.headers };
  const signature = o.signature === undefined ? sign(raw) : o.signature;
  if (signature !== null) h["mono-signature"] = signature;
  return callRoute(POST, { method: "POST", path: "/api/webhooks/mono", rawBody: raw, headers: h });
}

export async function rejectionCounts(): Promise<Record<string, number>> {
  const rows = await db.webhookRejection.groupBy({ by: ["reason"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.reason, r._count._all]));
}

export async function delta(before: Record<string, number>): Promise<Record<string, number>> {
  const after = await rejectionCounts();
  return Object.fromEntries(
    Object.entries(after)
      .filter(([k, v]) => v !== (before[k] ?? 0))
      .map(([k, v]) => [k, v - (before[k] ?? 0)]),
  );
}

export const eventCount = () => db.webhookEvent.count();
