// The fuzz suite, in-process: every route handler under app/api (found on disk, like the route ×
// role matrix) is called with a valid admin session and a same-origin Origin, and with inputs that
// fast-check generates to be invalid: wrong types, sizes, encodings (invalid UTF-8 bytes), missing
// and extra fields, hostile strings, huge and negative numbers, prototype-pollution keys, wrong
// content types, bad path parameters and bad query strings. Each handler gets only the kinds of
// input it declares to withApi (body / query / params); the webhook receiver gets forged
// deliveries. Invariants per input: no 5xx, every error in the problem+json shape with a
// request_id, and no row written anywhere (row counts of every table before and after each input).
// A generated input that is valid after all is detected (the route's zod schema, or a 2xx answer)
// and counted apart, never as a pass. Values a PostgreSQL column cannot hold are aimed at every
// route: ids and cursors past bigint, times past the year 9999 (or before year 1), lone UTF-16
// surrogates and NUL in strings and keys. A correctly signed webhook whose data cannot be stored
// must be acknowledged (2xx, `unprocessable`) and kept as one WebhookEvent row, nothing else.
import { createHmac, randomUUID } from "node:crypto";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import type { z } from "zod";
import { unstorableTextAt } from "@/lib/api/storable-text";
import { discoverRoutes, type TMethod, type TRouteFile } from "./routes";

export type TFuzzOptions = {
  root: string;
  inputs: number;
  seed: number;
  cookie: string; // an admin session
  origin: string;
  webhookSecret?: string;
  countRows: () => Promise<Record<string, number>>;
  schemas: Record<string, z.ZodType>; // "POST /api/operations/payouts" → its body schema, to skip valid bodies
  log?: (s: string) => void;
};

type TCase = {
  key: string;
  route: TRouteFile;
  method: TMethod;
  kind: string;
  params: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  json?: unknown;
};

const enc = new TextEncoder();
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const id22 = () => Array.from({ length: 22 }, () => B62[Math.floor(Math.random() * 62)]).join("");

// Valid-looking path parameters, so that a body or query input reaches its own validation.
function validParam(route: TRouteFile, name: string): string {
  const p = route.urlPath;
  if (name === "key") return randomUUID();
  if (name === "requestId") return `req_${id22()}`;
  if (p.includes("/users/")) return `usr_${randomUUID().replace(/-/g, "")}`;
  if (p.includes("/alerts/")) return `alr_${id22()}`;
  if (p.includes("/webhooks/events/"))
    return String(1_000_000_000 + Math.floor(Math.random() * 1e9));
  if (p.includes("/reconciliation/findings/")) return `drf_${id22()}`;
  if (p.includes("/operations/")) return `op_${id22()}`;
  return `x_${id22()}`;
}

// Numbers, ids, cursors and times that fit a string or a JavaScript number but not a PostgreSQL
// column: bigint overflow (ids, sequences, keyset cursors "<epoch ms>_<id>"), times in the year
// 0 or past 9999 (ISO, epoch ms).
export const OUT_OF_RANGE = [
  "9223372036854775808",
  "9999999999999999999",
  "18446744073709551616",
  "-9223372036854775809",
  "1_9999999999999999999",
  "999999999999999_1",
  "8640000000000000_1",
  "0_9223372036854775808",
  "0000-01-01T00:00:00Z",
  "33658-09-27T01:46:39.999Z",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00.000Z",
  "10000-01-01T00:00:00Z",
  "9999-12-31T23:59:60Z",
  "999999999999999",
];

// The list routes' id, cursor, time and amount keys, each with the out-of-range values that fit
// its syntax (an unknown key is refused by a strict schema or ignored), on every route with a
// query schema.
const SWEEP_QUERY: Record<string, string[]> = {
  before: [
    "9223372036854775808",
    "9999999999999999999",
    "0000-01-01T00:00:00Z",
    "+275760-09-13T00:00:00.000Z",
    "10000-01-01T00:00:00Z",
  ],
  cursor: [
    "1_9999999999999999999",
    "999999999999999_1",
    "8640000000000000_1",
    "0_9223372036854775808",
    "9999999999999999999",
  ],
  from: ["0000-01-01T00:00:00Z", "33658-09-27T01:46:39.999Z", "+275760-09-13T00:00:00.000Z"],
  to: ["0000-01-01T00:00:00Z", "33658-09-27T01:46:39.999Z", "+275760-09-13T00:00:00.000Z"],
  minAmount: ["9223372036854775808", "9999999999999999999", "999999999999999"],
  maxAmount: ["9223372036854775808", "9999999999999999999", "999999999999999"],
  amount: ["9223372036854775808", "9999999999999999999", "999999999999999"],
  id: ["9999999999999999999"],
};

const HOSTILE = [
  "",
  " ",
  "\u0000",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "9".repeat(400),
  "__proto__",
  "constructor",
  "prototype",
  "../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "%00",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  '\'; DROP TABLE "User"; --',
  "${jndi:ldap://x}",
  "{{7*7}}",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "\ud800",
  "\udc00",
  "a\ud83d",
  "\ude00b",
  "k\u0000\ud800",
  "\uffff\ufffe",
  "😀".repeat(50),
  "a".repeat(5_000),
  "op_" + "A".repeat(21),
  "usr_" + "g".repeat(32),
  "\r\nSet-Cookie: x=1",
  ...OUT_OF_RANGE,
];

const arbHostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const arbHugeNumber = fc.constantFrom(
  -1,
  0,
  -0.5,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER * 10,
  1e-300,
  -100_000_000,
  9_223_372_036_854_775_807,
  8.64e15,
  253_402_300_800_000, // epoch ms of the year 10000
);
const arbWrongValue: fc.Arbitrary<unknown> = fc.oneof(
  arbHostileString,
  arbHugeNumber,
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(arbHostileString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
const PROTO_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "__defineGetter__",
  "toString",
  "hasOwnProperty",
];

const arbQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          "limit",
          "cursor",
          "before",
          "from",
          "to",
          "minAmount",
          "maxAmount",
          "amount",
          "state",
          "kind",
          "q",
          "range",
          "tz",
          "operator",
          "amountMin",
          "amountMax",
          "status",
          "endpoint",
          "accountId",
          "id",
          "page",
          "sort",
          "__proto__",
          "constructor",
        ),
        fc.string({ maxLength: 12 }),
      ),
      fc.oneof(
        arbHostileString,
        arbHugeNumber.map(String),
        fc.constantFrom(
          "%ZZ",
          "%C3%28",
          "%E0%80%AF",
          "%FF%FE",
          "%",
          "%%",
          "a%00b",
          "[object Object]",
          "1,2,3",
          "-999999999999999999999",
          ...OUT_OF_RANGE,
        ),
      ),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .chain((pairs) => fc.boolean().map((dupe) => (dupe ? [...pairs, pairs[0]] : pairs)))
  .map((pairs) => pairs.map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`).join("&"));

// Mostly percent-encodes, but keeps deliberate raw "%xx" sequences (invalid escapes) as they are.
function encodeLoose(s: string): string {
  if (/^(%[0-9A-Za-z]{0,2})+$/.test(s) || /%[0-9A-F]{2}/.test(s)) return s;
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80"; // a lone surrogate: its UTF-8 form is invalid
  }
}

const arbInvalidUtf8 = fc
  .tuple(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      [0xc3, 0x28],
      [0xff],
      [0x80],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
    ),
    fc.string({ maxLength: 40 }),
  )
  .map(
    ([a, bad, b]) =>
      new Uint8Array([
        ...enc.encode(`{"x":"${a.replace(/["\\]/g, "")}`),
        ...bad,
        ...enc.encode(`${b.replace(/["\\]/g, "")}"}`),
      ]),
  );

function mutate(
  template: Record<string, unknown>,
  ops: {
    op: "drop" | "set" | "extra" | "deep" | "proto";
    at: number;
    value: unknown;
    name: string;
  }[],
): { json: unknown; text: string } {
  const obj: Record<string, unknown> = structuredClone(template);
  let protoText = "";
  for (const m of ops) {
    const keys = Object.keys(obj);
    const k = keys[m.at % keys.length];
    if (m.op === "drop") delete obj[k];
    else if (m.op === "set") obj[k] = m.value;
    else if (m.op === "extra") obj[`x_${m.name}`.slice(0, 40)] = m.value;
    else if (m.op === "deep") {
      const nested = Object.values(obj).find(
        (v) => v && typeof v === "object" && !Array.isArray(v),
      ) as Record<string, unknown> | undefined;
      if (nested) {
        const nk = Object.keys(nested);
        nested[nk[m.at % nk.length]] = m.value;
      } else obj[k] = m.value;
    } else
      protoText = `${JSON.stringify(PROTO_KEYS[m.at % PROTO_KEYS.length])}:${JSON.stringify(m.value ?? { polluted: true })},`;
  }
  const text = JSON.stringify(obj);
  return { json: obj, text: protoText ? `{${protoText}${text.slice(1)}` : text };
}

const arbMutations = fc.array(
  fc.record({
    op: fc.constantFrom("drop", "set", "extra", "deep", "proto" as const),
    at: fc.nat(50),
    value: arbWrongValue,
    name: fc.string({ maxLength: 8 }),
  }),
  { minLength: 1, maxLength: 3 },
);

// Valid request bodies of the main write routes, which the fuzzer mutates into invalid ones.
export function templates(): Record<string, Record<string, unknown>> {
  const beneficiary = {
    bankCode: "1007",
    accountType: "savings_account",
    accountNumber: "12345678901",
    name: "Proveedor SAS",
    documentType: "CC",
    documentNumber: "1020304050",
  };
  return {
    "POST /api/operations/payouts": {
      sourceAccountId: "lacc_4PagosProveedores9aBcD",
      method: "co_ach",
      amount: 100_000,
      currency: "COP",
      beneficiary,
      reason: "fuzz",
    },
    "POST /api/operations/transfers": {
      sourceAccountId: "acc_5tgliBmzjZ6mpQPRbQjfKj",
      mode: "create",
      routing: "ach",
      currency: "COP",
      rows: [{ amount: 100_000, beneficiary }],
      reason: "fuzz",
    },
    "PATCH /api/operations/[id]": { amount: 100_000, reason: "fuzz edit" },
    "POST /api/operations/[id]/decision": {
      decision: "approved",
      fingerprint: "a".repeat(64),
      comment: "ok",
    },
    "POST /api/operations/[id]/cancel": { reason: "fuzz cancel" },
    "POST /api/operations/[id]/reveal": { reason: "fuzz reveal" },
    "POST /api/users": { email: "fuzz@example.test", name: "Fuzz", role: "viewer" },
    "PATCH /api/users/[id]": { role: "viewer" },
    "POST /api/auth/step-up": { password: "x" },
    "POST /api/mono/breb-resolve": {
      sourceAccountId: "lacc_4PagosProveedores9aBcD",
      key: "sandbox@key.co",
    },
    // Valid bodies of routes whose path id names nothing (the fuzzer's ids are random): 404.
    "POST /api/alerts/[id]/resolve": { note: "fuzz note" },
    "POST /api/reconciliation/findings/[id]/resolve": { reason: "fuzz resolve" },
    "POST /api/webhooks/events/[id]/reveal": { reason: "fuzz reveal" },
  };
}

// Text PostgreSQL cannot store, planted in a valid body: appended to one of its strings (at any
// depth) or as a new key of one of its objects. Everything else stays valid, so only the
// console's own check stands between this and the database.
const UNSTORABLE = ["\ud800", "\udfff", "x\ud83d", "\u0000", "a\u0000\udc00b"];
function plant(
  tpl: Record<string, unknown>,
  at: number,
  bad: string,
  asKey: boolean,
): Record<string, unknown> {
  const obj = structuredClone(tpl);
  const slots: { holder: Record<string, unknown>; key: string | null }[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== "object") return;
    const holder = v as Record<string, unknown>;
    if (asKey && !Array.isArray(v)) slots.push({ holder, key: null });
    for (const [k, x] of Object.entries(holder)) {
      if (!asKey && typeof x === "string") slots.push({ holder, key: k });
      walk(x);
    }
  };
  walk(obj);
  if (slots.length === 0) return { ...obj, [`k${bad}`]: bad };
  const slot = slots[at % slots.length];
  if (slot.key === null) slot.holder[`k${bad}`] = "v";
  else slot.holder[slot.key] = `${String(slot.holder[slot.key])}${bad}`;
  return obj;
}

function arbBodyCase(
  route: TRouteFile,
  method: TMethod,
): fc.Arbitrary<{ kind: string; body: Uint8Array; contentType: string; json?: unknown }> {
  const tpl = templates()[`${method} ${route.urlPath}`];
  const json = "application/json";
  const kinds: fc.Arbitrary<{
    kind: string;
    body: Uint8Array;
    contentType: string;
    json?: unknown;
  }>[] = [
    fc
      .string({ maxLength: 80 })
      .filter((s) => !isJson(s))
      .map((s) => ({ kind: "body:not_json", body: enc.encode(s), contentType: json })),
    fc
      .jsonValue({ maxDepth: 3 })
      .filter((v) => v === null || typeof v !== "object" || Array.isArray(v))
      .map((v) => ({
        kind: "body:wrong_top_type",
        body: enc.encode(JSON.stringify(v)),
        contentType: json,
        json: v,
      })),
    arbInvalidUtf8.map((b) => ({ kind: "body:invalid_utf8", body: b, contentType: json })),
    fc
      .tuple(
        fc.constantFrom(
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/xml",
          "",
          "text/json",
          "application/javascript",
        ),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(([ct, v]) => ({
        kind: "body:content_type",
        body: enc.encode(JSON.stringify(tpl ?? v)),
        contentType: ct,
      })),
    fc.constantFrom(300_000, 2_200_000).map((n) => ({
      kind: "body:oversized",
      body: enc.encode(JSON.stringify({ ...(tpl ?? {}), reason: "x".repeat(n) })),
      contentType: json,
    })),
    fc
      .dictionary(fc.oneof(arbHostileString, fc.constantFrom(...PROTO_KEYS)), arbWrongValue, {
        minKeys: 1,
        maxKeys: 6,
      })
      .map((d) => ({
        kind: "body:junk_object",
        body: enc.encode(JSON.stringify(d)),
        contentType: json,
        json: d,
      })),
    fc.constantFrom("", "   ", "{}", "[]", "{", '{"a":', "\ufeff{}", "null").map((s) => ({
      kind: "body:degenerate",
      body: enc.encode(s),
      contentType: json,
      json: isJson(s) ? JSON.parse(s.replace(/^\ufeff/, "")) : undefined,
    })),
    fc.nat({ max: 30 }).map((n) => ({
      kind: "body:deep_nesting",
      body: enc.encode("[".repeat(2_000 + n * 300) + "]".repeat(2_000 + n * 300)),
      contentType: json,
    })),
  ];
  if (tpl) {
    kinds.push(
      fc
        .tuple(fc.nat(100), fc.constantFrom(...UNSTORABLE), fc.boolean())
        .map(([at, bad, asKey]) => {
          const j = plant(tpl, at, bad, asKey);
          return {
            kind: "body:unstorable_text",
            body: enc.encode(JSON.stringify(j)),
            contentType: json,
            json: j,
          };
        }),
    );
    const m = arbMutations
      .map((ops) => mutate(tpl, ops))
      .map(({ json: j, text }) => ({
        kind: "body:mutated",
        body: enc.encode(text),
        contentType: json,
        json: isJson(text) ? JSON.parse(text) : j,
      }));
    kinds.push(m, m, m); // mutations of a valid body are the sharpest inputs: weight them
  }
  return fc.oneof(...kinds);
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function arbWebhookCase(
  secret: string | undefined,
): fc.Arbitrary<{ kind: string; body: Uint8Array; headers: Record<string, string> }> {
  const sign = (raw: Uint8Array, s: string, t: number) =>
    `t=${t},v1=${createHmac("sha256", s).update(`${t}.`).update(raw).digest("hex")}`;
  const now = () => Math.floor(Date.now() / 1000);
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => enc.encode(JSON.stringify(v))),
    arbInvalidUtf8,
    fc.string({ maxLength: 100 }).map((s) => enc.encode(s)),
  );
  return fc
    .tuple(
      fc.constantFrom(
        "none",
        "wrong_secret",
        "stale",
        "future",
        "malformed",
        "valid_sig_bad_body",
        "signed_unstorable",
      ),
      body,
      arbHostileString,
      fc.tuple(
        fc.constantFrom(...UNSTORABLE),
        fc.constantFrom("value", "key", "id", "deep"),
        fc.constantFrom(undefined, ...OUT_OF_RANGE.filter((x) => x.includes("-"))),
      ),
    )
    .map(([sig, b, junk, [bad, where, timestamp]]) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (sig === "wrong_secret")
        headers["mono-signature"] = sign(b, "whsec_wrong_wrong_wrong", now());
      if (sig === "stale") headers["mono-signature"] = sign(b, secret ?? "x", now() - 7_200);
      if (sig === "future") headers["mono-signature"] = sign(b, secret ?? "x", now() + 7_200);
      if (sig === "malformed")
        headers["mono-signature"] = `t=${junk.replace(/[^\x20-\x7e]/g, "")},v1=zz`;
      let out = b;
      if (sig === "signed_unstorable") {
        // A real envelope, correctly signed, whose data holds text PostgreSQL cannot store (and
        // sometimes a time it cannot store): acknowledged and kept as unprocessable.
        const data: Record<string, unknown> = {
          id: `cpout_fuzz${randomUUID().slice(0, 8)}`,
          state: "settled",
          updated_at: new Date().toISOString(),
        };
        if (where === "value") data.beneficiary = { name: `Proveedor ${bad}` };
        if (where === "key") data.metadata = { [`k${bad}`]: 1 };
        if (where === "id") data.id = `cpout_${bad}`;
        if (where === "deep") data.nested = JSON.parse(`${"[".repeat(200)}0${"]".repeat(200)}`);
        out = enc.encode(JSON.stringify({ event: { type: "payout_settled", data }, timestamp }));
        headers["mono-signature"] = sign(out, secret ?? "x", now());
      }
      if (sig === "valid_sig_bad_body") {
        // Signed correctly, but never a valid envelope: invalid UTF-8, or JSON without event.type/data.
        out =
          b.length % 2 === 0
            ? new Uint8Array([...b, 0xff, 0xfe])
            : enc.encode(JSON.stringify({ not_event: JSON.parse(JSON.stringify(junk)) }));
        headers["mono-signature"] = sign(out, secret ?? "x", now());
      }
      return { kind: `webhook:${sig}`, body: out, headers };
    });
}

export function buildCases(o: TFuzzOptions): { cases: TCase[]; noSurface: string[] } {
  const routes = discoverRoutes(o.root).filter((r) => !r.file.includes("[...nextauth]"));
  const arbs: fc.Arbitrary<TCase>[] = [];
  const noSurface: string[] = [];
  const sweep: TCase[] = [];
  for (const route of routes) {
    for (const [m, d] of Object.entries(route.declared) as [
      TMethod,
      NonNullable<TRouteFile["declared"][TMethod]>,
    ][]) {
      const key = `${m} ${route.urlPath}`;
      const base = () => ({
        key,
        route,
        method: m,
        params: Object.fromEntries(route.paramNames.map((n) => [n, validParam(route, n)])),
        query: "",
        headers: {} as Record<string, string>,
      });
      const mine: fc.Arbitrary<TCase>[] = [];
      // Besides the sampled inputs, every route gets the out-of-range values and a lone
      // surrogate in each path parameter, and out-of-range values in the query keys lists use.
      const idem = (c: TCase): TCase =>
        d.idempotent ? { ...c, headers: { ...c.headers, "idempotency-key": randomUUID() } } : c;
      if (d.params)
        for (const n of route.paramNames)
          for (const v of [...OUT_OF_RANGE.slice(0, 4), "\ud800", "1\udc00"])
            sweep.push(
              idem({
                ...base(),
                kind: "params:out_of_range",
                params: { ...base().params, [n]: v },
                body: d.body ? enc.encode(JSON.stringify(templates()[key] ?? {})) : undefined,
                headers: d.body ? { "content-type": "application/json" } : {},
              }),
            );
      if (d.query)
        for (const [k, values] of Object.entries(SWEEP_QUERY))
          for (const v of values)
            sweep.push(
              idem({
                ...base(),
                kind: "query:out_of_range",
                query: `${k}=${encodeURIComponent(v)}`,
              }),
            );
      if (route.urlPath === "/api/webhooks/mono" && m === "POST") {
        mine.push(
          arbWebhookCase(o.webhookSecret).map((w) => ({
            ...base(),
            kind: w.kind,
            headers: w.headers,
            body: w.body,
          })),
        );
      }
      if (d.params && route.paramNames.length) {
        mine.push(
          fc.tuple(fc.constantFrom(...route.paramNames), arbHostileString).map(([n, v]): TCase => {
            const c = base();
            return {
              ...c,
              kind: "params",
              params: { ...c.params, [n]: v },
              body: d.body ? enc.encode(JSON.stringify(templates()[key] ?? {})) : undefined,
              headers: d.body
                ? { "content-type": "application/json" }
                : ({} as Record<string, string>),
            };
          }),
        );
      }
      if (d.query) mine.push(arbQuery.map((q) => ({ ...base(), kind: "query", query: q })));
      if (d.body) {
        mine.push(
          arbBodyCase(route, m).map((b) => ({
            ...base(),
            kind: b.kind,
            headers: { "content-type": b.contentType },
            body: b.body,
            json: b.json,
          })),
          arbBodyCase(route, m).map((b) => ({
            ...base(),
            kind: b.kind,
            headers: { "content-type": b.contentType },
            body: b.body,
            json: b.json,
          })),
        );
      }
      if (mine.length === 0) noSurface.push(key);
      else
        arbs.push(
          ...mine.map((a) =>
            a.map((c) =>
              d.idempotent
                ? { ...c, headers: { ...c.headers, "idempotency-key": randomUUID() } }
                : c,
            ),
          ),
        );
    }
  }
  const cases = [...sweep, ...fc.sample(fc.oneof(...arbs), { numRuns: o.inputs, seed: o.seed })];
  return { cases, noSurface };
}

type TModule = Record<
  string,
  (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
>;

export async function runFuzz(o: TFuzzOptions) {
  const log = o.log ?? (() => undefined);
  const { cases, noSurface } = buildCases(o);
  const modules = new Map<string, TModule>();
  for (const c of cases)
    if (!modules.has(c.route.file))
      modules.set(c.route.file, (await import(path.join(o.root, c.route.file))) as TModule);

  const fig = {
    inputs: 0,
    rejected: 0,
    accidentally_valid: 0,
    skipped_valid: 0,
    kept_unprocessable: 0,
    server_errors: 0,
    bad_shape: 0,
    writes: 0,
  };
  const byStatus: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  const routesHit = new Set<string>();
  const samples: string[] = [];
  const validByRoute: Record<string, number> = {};
  let before = await o.countRows();
  const t0 = performance.now();
  for (const c of cases) {
    const schema = o.schemas[c.key];
    if (
      schema &&
      c.json !== undefined &&
      (c.kind === "body:mutated" || c.kind === "body:junk_object") &&
      (c.headers["content-type"] ?? "").includes("json") &&
      // The console refuses text PostgreSQL cannot store before the schema: never skipped.
      !unstorableTextAt(c.json) &&
      schema.safeParse(c.json).success
    ) {
      fig.skipped_valid++;
      continue;
    }
    const qs = c.query ? `?${c.query}` : "";
    const urlPath = c.route.urlPath.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, n: string) =>
      encodeLoose(c.params[n] ?? "x"),
    );
    let url: URL;
    try {
      url = new URL(`${o.origin}${urlPath}${qs}`);
    } catch {
      url = new URL(`${o.origin}${urlPath}`);
    }
    const headers = new Headers({ cookie: o.cookie, origin: o.origin, ...c.headers });
    if (c.body) headers.set("content-length", String(c.body.byteLength));
    let status = 0;
    let text = "";
    let ctype = "";
    try {
      const req = new NextRequest(url, {
        method: c.method,
        headers,
        body: c.body && c.method !== "GET" ? (c.body as BodyInit) : undefined,
      });
      const res = await modules
        .get(c.route.file)!
        [c.method](req, { params: Promise.resolve(c.params) });
      status = res.status;
      ctype = res.headers.get("content-type") ?? "";
      text = await res.text();
    } catch (err) {
      status = 599;
      text = `thrown: ${(err as Error).message}`;
    }
    fig.inputs++;
    routesHit.add(c.key);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    const after = await o.countRows();
    const kept = c.kind === "webhook:signed_unstorable";
    const changed = Object.keys(after).filter(
      (t) =>
        after[t] !== before[t] &&
        !(
          c.kind.startsWith("webhook:") &&
          (t === "WebhookRejection" || t === "Alert" || t === "AuditEvent")
        ) &&
        // The kept event's row and its dedupe key.
        !(kept && (t === "WebhookEvent" || t === "WebhookEventKey")),
    );
    const prevEvents = before.WebhookEvent;
    before = after;
    const show = () =>
      `${c.method} ${url.pathname}${url.search.slice(0, 80)} [${c.kind}] ${String(new TextDecoder().decode(c.body ?? new Uint8Array()).slice(0, 160))} → ${status} ${text.slice(0, 200)}`;
    if (kept && status < 500) {
      // Must be a 2xx saying `unprocessable`, with one WebhookEvent row at most (a repeat only
      // counts a delivery) and nothing else written.
      fig.kept_unprocessable++;
      let answer: Record<string, unknown> | null = null;
      try {
        answer = JSON.parse(text) as Record<string, unknown>;
      } catch {
        answer = null;
      }
      if (status !== 200 || answer?.unprocessable !== true) {
        fig.bad_shape++;
        if (samples.length < 30) samples.push(`not kept as unprocessable: ${show()}`);
      }
      if (changed.length || (after.WebhookEvent ?? 0) - (prevEvents ?? 0) > 1) {
        fig.writes++;
        if (samples.length < 30) samples.push(`write to ${changed.join(",")}: ${show()}`);
      }
      continue;
    }
    if (status >= 200 && status < 300) {
      fig.accidentally_valid++;
      validByRoute[c.key] = (validByRoute[c.key] ?? 0) + 1;
      continue;
    }
    if (status >= 500) {
      fig.server_errors++;
      if (samples.length < 30) samples.push(`5xx: ${show()}`);
      continue;
    }
    fig.rejected++;
    let p: Record<string, unknown> | null = null;
    try {
      p = JSON.parse(text) as Record<string, unknown>;
    } catch {
      p = null;
    }
    if (
      !p ||
      !ctype.includes("application/problem+json") ||
      p.status !== status ||
      typeof p.code !== "string" ||
      typeof p.detail !== "string" ||
      typeof p.request_id !== "string" ||
      !/^req_/.test(p.request_id as string)
    ) {
      fig.bad_shape++;
      if (samples.length < 30) samples.push(`shape: ${show()}`);
    }
    if (changed.length) {
      fig.writes++;
      if (samples.length < 30) samples.push(`write to ${changed.join(",")}: ${show()}`);
    }
    if (fig.inputs % 1000 === 0)
      log(
        `${fig.inputs} inputs (${Math.round((performance.now() - t0) / 1000)} s): ${JSON.stringify(byStatus)}`,
      );
  }
  return {
    figures: {
      ...fig,
      routes: routesHit.size,
      seconds: Math.round((performance.now() - t0) / 1000),
    },
    byStatus,
    byKind,
    noSurface,
    validByRoute,
    samples,
  };
}

/**
 * Row counts of every table in the public schema, in one statement. Counting is skipped while the
 * cluster's transaction snapshot (xmin:xmax:in-progress ids) is what it was before the last count:
 * a written row becomes visible only when its transaction, which holds an id, completes, and that
 * moves the snapshot; reads (and so most refused inputs) hold no id. Any completed writer anywhere
 * in the cluster (a write, an ANALYZE) makes the next call count again.
 */
export async function rowCounter(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<() => Promise<Record<string, number>>> {
  const tables = (
    await query(
      // Tables and partitioned tables, not their partitions (a parent's count includes them).
      `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT LIKE '\\_prisma%' ORDER BY 1`,
    )
  ).map((r) => String(r.t));
  const sql = `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(", ")}`;
  const snapshot = async () =>
    String((await query(`SELECT pg_current_snapshot()::text AS s`))[0].s);
  let last: { snap: string; counts: Record<string, number> } | null = null;
  return async () => {
    const snap = await snapshot(); // read before counting: a writer completing later moves it
    if (last && last.snap === snap) return { ...last.counts };
    const [row] = await query(sql);
    const counts = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
    last = { snap, counts };
    return { ...counts };
  };
}
