// A local webhook receiver for the tests, with an independent Mono-Signature verifier
// (node:crypto only; it shares nothing with sandbox/webhooks.ts).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type TReceived = {
  at: number;
  raw: string;
  signature: string;
  type: string;
  data: Record<string, unknown>;
  timestamp: string;
  status: number;
};

export function verifyMonoSignature(
  secret: string,
  header: string,
  raw: string,
  toleranceS = 300,
): boolean {
  const parts = new Map<string, string[]>();
  for (const kv of header.split(",")) {
    const i = kv.indexOf("=");
    if (i < 0) continue;
    const k = kv.slice(0, i).trim();
    parts.set(k, [...(parts.get(k) ?? []), kv.slice(i + 1).trim()]);
  }
  const t = parts.get("t")?.[0];
  if (!t || !/^\d+$/.test(t)) return false;
  if (Math.abs(Date.now() / 1000 - Number(t)) > toleranceS) return false;
  const expected = Buffer.from(
    createHmac("sha256", secret).update(`${t}.${raw}`, "utf8").digest("hex"),
    "utf8",
  );
  return (parts.get("v1") ?? []).some((sig) => {
    const given = Buffer.from(sig, "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export async function startReceiver(respond: (r: TReceived, n: number) => number = () => 200) {
  const received: TReceived[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const env = JSON.parse(raw) as {
        event: { type: string; data: Record<string, unknown> };
        timestamp: string;
      };
      const r: TReceived = {
        at: Date.now(),
        raw,
        signature: String(req.headers["mono-signature"] ?? ""),
        type: env.event.type,
        data: env.event.data,
        timestamp: env.timestamp,
        status: 0,
      };
      r.status = respond(r, received.filter((x) => x.raw === raw).length);
      received.push(r);
      res.writeHead(r.status, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    ok: () => received.filter((r) => r.status >= 200 && r.status < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
