import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installCapturingClients } from "@/tests/support/explain-capture";
import { ACCOUNT, DOCUMENT, EMAIL } from "../privacy/seed-beneficiary";

// Every statement these lookups run is EXPLAINed with sequential scans disabled
// (tests/support/explain-capture.ts).
let capture: Awaited<ReturnType<typeof installCapturingClients>>;
let run: (q: string) => Promise<unknown>;
let seeded: Awaited<ReturnType<typeof import("../privacy/seed-beneficiary").seedBeneficiary>>;

beforeAll(async () => {
  capture = await installCapturingClients();
  const { db } = await import("@/lib/db");
  const { searchEverything } = await import("@/lib/search/search-everything");
  run = (q) => searchEverything(q, { mono: false });
  const { makeUser } = await import("@/prisma/factories");
  const { seedBeneficiary } = await import("../privacy/seed-beneficiary");
  const { user } = await makeUser({ role: "operator" });
  seeded = await seedBeneficiary(user.id);
  const { newId } = await import("@/lib/ids");
  await db.ticketLink.create({
    data: {
      id: newId("tkt"),
      targetType: "beneficiary",
      targetId: seeded.beneficiaryId,
      ticketRef: "ZD-EXPLAIN-1",
      createdById: user.id,
      createdByEmail: user.email,
    },
  });
});
afterAll(async () => {
  await capture.close();
});

const plansOf = (work: () => Promise<unknown>) => capture.plansOf(work);

// The beneficiary lookups, the beneficiary page, the notes and the ticket search: every statement
// they run is served by an index (EXPLAIN with sequential scans disabled shows none).
describe("beneficiary, notes and ticket lookups are indexed", () => {
  const cases: [string, () => Promise<unknown>][] = [
    ["typed document", () => run(`CC ${DOCUMENT}`)],
    ["bare number (document, account, Bre-B key, ticket)", () => run(ACCOUNT)],
    ["bank + last four", () => run(`1007 ${ACCOUNT.slice(-4)}`)],
    ["e-mail", () => run(EMAIL)],
    ["Bre-B alias", () => run("@tienda.explain")],
    ["ticket reference", () => run("ZD-EXPLAIN-1")],
    [
      "beneficiary page",
      async () =>
        (await import("@/lib/beneficiaries/get-beneficiary")).getBeneficiary(seeded.beneficiaryId),
    ],
    [
      "an operation's beneficiaries",
      async () =>
        (await import("@/lib/beneficiaries/get-beneficiary")).beneficiariesOfOperation(
          seeded.batch.id,
        ),
    ],
    [
      "notes of a target",
      async () =>
        (await import("@/lib/notes/notes")).notesOf({
          targetType: "operation",
          targetId: seeded.payout.id,
        }),
    ],
  ];
  for (const [name, work] of cases)
    it(name, async () => {
      for (const p of await plansOf(work)) expect(p.scans, p.sql).toEqual([]);
    });
});
