import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { submitTransfers } from "@/lib/operations/submit-transfers";
import { callRoute, type TTestUser } from "@/tests/support/route";
import {
  payoutInput,
  transfersInput,
  beneficiary,
  LEDGER_ACCOUNT,
  COP,
} from "@/tests/support/operations";
import * as searchRoute from "@/app/api/search/route";
import * as pageRoute from "@/app/api/beneficiaries/[key]/route";
import * as revealRoute from "@/app/api/beneficiaries/[key]/reveal/route";
import * as linksRoute from "@/app/api/operations/[id]/beneficiaries/route";

// A beneficiary is found by each kind of identifier, and its page holds every payment to it, masked.
const digits = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
  ).join("");
const ACCOUNT = digits(12);
const DOCUMENT = digits(10);
const EMAIL = `ana.${randomUUID().slice(0, 6)}@example.test`;
const BREB_PHONE = `3${digits(9)}`;
const ben = beneficiary({
  accountNumber: ACCOUNT,
  documentNumber: DOCUMENT,
  email: EMAIL,
  name: "Ana Beneficiaria",
});

type THit = {
  kind: string;
  id: string;
  href: string | null;
  matchedOn: string;
  title: string;
  beneficiary?: { accountNumber: string };
};
let operator: TTestUser;
let viewer: TTestUser;
let payoutId: string;
let batchId: string;
let benId: string;

async function search(q: string) {
  const r = await callRoute(searchRoute.GET, {
    user: viewer,
    path: `/api/search?q=${encodeURIComponent(q)}`,
  });
  expect(r.status).toBe(200);
  return r.json as unknown as { recognised: { ok: boolean; kind?: string }; hits: THit[] };
}

beforeAll(async () => {
  operator = (await makeUser({ role: "operator" })).user;
  viewer = (await makeUser({ role: "viewer" })).user;
  const payout = await submitPayout(payoutInput({ beneficiary: ben }), operator as never, {});
  payoutId = payout.id;
  const batch = await submitTransfers(
    transfersInput([{ amount: 10_000 * COP, beneficiary: ben }, { amount: 20_000 * COP }]),
    operator as never,
    {},
  );
  batchId = batch.id;
  await db.brebResolution.create({
    data: {
      id: newId("brb"),
      keyValue: BREB_PHONE,
      keyType: "phone",
      holderName: "Ana Beneficiaria",
      documentType: "CC",
      documentNumber: DOCUMENT,
      accountNumber: ACCOUNT,
      sourceAccountId: LEDGER_ACCOUNT,
    },
  });
  const row = await db.beneficiary.findUniqueOrThrow({
    where: { bankCode_accountNumber: { bankCode: ben.bankCode, accountNumber: ACCOUNT } },
  });
  benId = row.id;
});

describe("a beneficiary is found by each kind of identifier", () => {
  const cases: [string, () => string, string][] = [
    ["a typed document", () => `CC ${DOCUMENT}`, "Beneficiary.documentNumber"],
    ["a bare document number", () => DOCUMENT, "Beneficiary.documentNumber"],
    ["the account number", () => ACCOUNT, "Beneficiary.accountNumber"],
    [
      "bank + last four",
      () => `${ben.bankCode} ${ACCOUNT.slice(-4)}`,
      "Beneficiary.bankCode + accountLast4",
    ],
    ["the e-mail", () => EMAIL.toUpperCase(), "Beneficiary.email"],
    ["a Bre-B key", () => BREB_PHONE, "BrebResolution.keyValue"],
  ];
  for (const [what, q, matchedOn] of cases)
    it(`by ${what}`, async () => {
      const r = await search(q());
      const hit = r.hits.find((h) => h.kind === "beneficiary" && h.id === benId);
      expect(hit, JSON.stringify(r)).toMatchObject({ href: `/beneficiaries/${benId}`, matchedOn });
      expect(benId).toMatch(/^ben_[0-9a-f]{32}$/);
      const text = JSON.stringify(r);
      for (const secret of [ACCOUNT, DOCUMENT, EMAIL, BREB_PHONE])
        expect(text).not.toContain(secret);
      expect(hit!.title).toContain(ACCOUNT.slice(-4));
    });
});

describe("the beneficiary page", () => {
  it("holds the payout and the batch row, totals and the Bre-B key, all masked", async () => {
    const r = await callRoute(pageRoute.GET, { user: viewer, params: { key: benId } });
    expect(r.status).toBe(200);
    const v = r.json as {
      beneficiary: { name: string; documentNumber: string };
      payments: { operationId: string; position: number | null; amount: number; bucket: string }[];
      totals: { count: number; last30Days: { count: number } };
      brebResolutions: unknown[];
    };
    expect(v.beneficiary.name).toBe("Ana Beneficiaria");
    expect(v.payments.map((p) => p.operationId).sort()).toEqual([payoutId, batchId].sort());
    expect(v.payments.find((p) => p.operationId === batchId)).toMatchObject({
      position: 0,
      amount: 10_000 * COP,
    });
    expect(v.totals.count).toBe(2);
    expect(v.totals.last30Days.count).toBe(2);
    expect(v.brebResolutions).toHaveLength(1);
    const text = JSON.stringify(r.json);
    for (const secret of [ACCOUNT, DOCUMENT, EMAIL, BREB_PHONE]) expect(text).not.toContain(secret);
  });

  it("an unknown or malformed key is not found / refused", async () => {
    const missing = await callRoute(pageRoute.GET, {
      user: viewer,
      params: { key: `ben_${"0".repeat(32)}` },
    });
    expect(missing.status).toBe(404);
    const bad = await callRoute(pageRoute.GET, {
      user: viewer,
      params: { key: `1007:${ACCOUNT}` },
    });
    expect(bad.status).toBe(400);
  });

  it("each operation page links to it", async () => {
    for (const id of [payoutId, batchId]) {
      const r = await callRoute(linksRoute.GET, { user: viewer, params: { id } });
      expect(r.status).toBe(200);
      const ids = (r.json.beneficiaries as { id: string }[]).map((b) => b.id);
      expect(ids).toContain(benId);
      expect(JSON.stringify(r.json)).not.toContain(ACCOUNT);
    }
  });

  it("reveal: refused to a viewer, clear and audited for an operator with a reason", async () => {
    const refused = await callRoute(revealRoute.POST, {
      method: "POST",
      user: viewer,
      params: { key: benId },
      body: { reason: "Customer call" },
    });
    expect(refused.status).toBe(403);
    const r = await callRoute(revealRoute.POST, {
      method: "POST",
      user: operator,
      params: { key: benId },
      body: { reason: "Customer call about a payment" },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      accountNumber: ACCOUNT,
      documentNumber: DOCUMENT,
      email: EMAIL,
    });
    const audit = await db.auditEvent.findFirst({
      where: { action: "pii.revealed", targetType: "beneficiary", targetId: benId },
    });
    expect(audit?.actorId).toBe(operator.id);
  });
});
