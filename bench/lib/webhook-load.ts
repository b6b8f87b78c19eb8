// The load generator of bench/webhooks, in its own process (Mono's deliveries do not share the
// console's event loop): signed deliveries over keep-alive connections, saturated or paced.
// argv: <url> <secret> <mode: saturate|paced> <count|rate> <seconds> <seed-file>; prints one JSON line.
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "undici";

const [url, secret, mode, amount, seconds, seedFile] = process.argv.slice(2);
const seed = JSON.parse(readFileSync(seedFile, "utf8")) as {
  account: string;
  payouts: Record<string, unknown>[];
  offset: number;
};
const CONCURRENCY = 32;
const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });
const id = (p: string) =>
  `${p}_${randomBytes(16).toString("base64url").replace(/[-_]/g, "x").slice(0, 22)}`;
const sent: string[] = [];
let seq = seed.offset;

// 40 % our payouts (processing confirms them with a GET), 40 % ledger movements and 10 % transfers
// made elsewhere (external), 10 % re-deliveries of an earlier body.
function nextBody(): string {
  const n = seq++;
  const roll = n % 10;
  if (roll === 9 && sent.length > 0) return sent[Math.floor(Math.random() * sent.length)];
  const at = new Date(Date.UTC(2026, 0, 1) + n).toISOString();
  let event: { type: string; data: Record<string, unknown> };
  if (roll < 4)
    event = {
      type: "payout_processing",
      data: { ...seed.payouts[n % seed.payouts.length], state: "processing", updated_at: at },
    };
  else if (roll < 8)
    event = {
      type: "ledger_account_transaction_created",
      data: {
        id: id("ltx"),
        account_id: seed.account,
        amount: { amount: 1000, currency: "COP" },
        id_in_origin: id("accop"),
        operation_type: "credit",
        origin: "subaccount_operation",
        transaction_at: at,
      },
    };
  else
    event = {
      type: "bank_transfer_approved",
      data: {
        id: id("trn"),
        state: "approved",
        external_id: null,
        batch: { id: id("bat"), account_id: "acc_x" },
        updated_at: at,
      },
    };
  const body = JSON.stringify({ event, timestamp: at });
  sent.push(body);
  return body;
}

const failures: Record<string, number> = {};
async function deliver(): Promise<number> {
  const raw = nextBody();
  const t = Math.floor(Date.now() / 1000);
  const sig = `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${raw}`).digest("hex")}`;
  const t0 = performance.now();
  const r = await request(url, {
    method: "POST",
    dispatcher: agent,
    headers: { "content-type": "application/json", "mono-signature": sig },
    body: raw,
  });
  await r.body.text();
  if (r.statusCode !== 200) failures[r.statusCode] = (failures[r.statusCode] ?? 0) + 1;
  return performance.now() - t0;
}

// Untimed warm-up: this process is new for every phase, and its first deliveries pay for its
// own JIT and connection set-up (seen as a 60–100 ms spike in the first half second).
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let i = 0; i < 25; i++) await deliver();
  }),
);

const lat: number[] = [];
const t0 = performance.now();
let issued = 0;
if (mode === "saturate") {
  const n = Number(amount);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (issued++ < n) lat.push(await deliver());
    }),
  );
} else {
  const rate = Number(amount);
  const total = rate * Number(seconds);
  await Promise.all(
    Array.from({ length: CONCURRENCY * 2 }, async () => {
      for (;;) {
        const i = issued++;
        if (i >= total) return;
        const wait = t0 + (i / rate) * 1000 - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        lat.push(await deliver());
      }
    }),
  );
}
const wallMs = performance.now() - t0;
await agent.close();
console.log(
  JSON.stringify({
    lat: lat.sort((a, b) => a - b),
    perS: (lat.length / wallMs) * 1000,
    failures,
    sent: seq - seed.offset,
  }),
);
