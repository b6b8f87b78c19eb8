import "server-only";
import { db } from "../db";
import { canonicalJson } from "../canonical-json";
import { createRedactor } from "../mono/redact";
import { fingerprintOf } from "../operations/build-mono-request";
import { diffPayloads, type TPayloadDiff } from "./diff-payloads";
import { payloadReason, type TPayloadReason, type TWorded } from "./recovery-words";

export type TBodyComparison = {
  matches: boolean;
  reasons: TWorded<TPayloadReason>[]; // English text with its code and values (recovery-words.ts)
  baseline: "stored operation body" | "first logged body" | null;
  diffs: { requestId: string; monoLogId: string | null; at: Date; diff: TPayloadDiff[] }[];
};

const redactor = createRedactor([]);

// Was every request sent under this key the same payload? The console's own InboundRequest rows
// keep only a hash of the browser's request, so a console-level reuse can be flagged but not
// diffed. At Mono level we have both sides: the operation's stored body (what every attempt must
// send) and the body logged for each attempt. The log is redacted (document and account numbers
// keep their last 4 characters), so the stored body is redacted the same way before comparing:
// a difference hidden inside masked digits cannot show, anything else does.
export async function compareSentBodies(
  key: string,
  op: { monoRequest: unknown; fingerprint: string } | null,
): Promise<TBodyComparison> {
  const rows = await db.requestLog.findMany({
    where: { idempotencyKey: key, method: "POST" },
    orderBy: { at: "asc" },
    take: 200,
    select: { requestId: true, monoLogId: true, at: true, requestBody: true, errorCode: true },
  });
  const reasons: TWorded<TPayloadReason>[] = [];
  if (op && fingerprintOf(op.monoRequest) !== op.fingerprint)
    reasons.push(payloadReason.fingerprintChanged());
  for (const r of rows)
    if (r.errorCode === "idempotency_key_reused")
      reasons.push(payloadReason.monoRefusedReuse(r.requestId, r.monoLogId));

  const comparable = rows.filter(
    (r) =>
      r.requestBody &&
      typeof r.requestBody === "object" &&
      !("_truncated" in r.requestBody) &&
      !("_text" in r.requestBody),
  );
  const baselineBody = op ? redactor.body(op.monoRequest) : comparable[0]?.requestBody;
  const diffs: TBodyComparison["diffs"] = [];
  const seen = new Set<string>();
  for (const r of comparable) {
    const c = canonicalJson(r.requestBody);
    if (seen.has(c)) continue;
    seen.add(c);
    const diff = diffPayloads(baselineBody, r.requestBody);
    if (diff.length > 0)
      diffs.push({ requestId: r.requestId, monoLogId: r.monoLogId, at: r.at, diff });
  }
  if (diffs.length > 0)
    reasons.push(payloadReason.bodiesDiffer(diffs.length, op ? "stored" : "first"));
  return {
    matches: reasons.length === 0,
    reasons,
    baseline: op ? "stored operation body" : comparable.length ? "first logged body" : null,
    diffs,
  };
}
