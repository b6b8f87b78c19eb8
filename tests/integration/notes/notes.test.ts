import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { callRoute, type TTestUser } from "@/tests/support/route";
import { payoutInput } from "@/tests/support/operations";
import * as notesRoute from "@/app/api/notes/route";
import * as noteRoute from "@/app/api/notes/[id]/route";
import * as ticketsRoute from "@/app/api/notes/tickets/route";
import * as searchRoute from "@/app/api/search/route";
import * as timelineRoute from "@/app/api/operations/[id]/timeline/route";
import * as evidenceRoute from "@/app/api/operations/[id]/evidence/route";
import { seedBeneficiary } from "../privacy/seed-beneficiary";

// Notes keep every version and are audited; ticket links are found by the search box; an
// operation's notes are in its timeline and its evidence bundle.
let author: TTestUser;
let other: TTestUser;
let viewer: TTestUser;
let opId: string;
let seeded: Awaited<ReturnType<typeof seedBeneficiary>>;
const TICKET = `ZD-${randomUUID().slice(0, 8)}`;

const post = (
  handler: typeof notesRoute.POST,
  user: TTestUser,
  body: unknown,
  params?: Record<string, string>,
) =>
  callRoute(handler, {
    method: handler === noteRoute.PATCH ? "PATCH" : "POST",
    user,
    body,
    params,
  });

beforeAll(async () => {
  author = (await makeUser({ role: "operator" })).user;
  other = (await makeUser({ role: "operator" })).user;
  viewer = (await makeUser({ role: "viewer" })).user;
  opId = (await submitPayout(payoutInput(), author as never, {})).id;
  seeded = await seedBeneficiary(author.id);
});

describe("notes", () => {
  it("keeps every version of a note, audits each write, and only the author edits", async () => {
    const created = await post(notesRoute.POST, author, {
      targetType: "operation",
      targetId: opId,
      body: "Customer called: the payment is for invoice 77",
    });
    expect(created.status).toBe(200);
    const note = created.json as { id: string; version: number };
    expect(note.version).toBe(1);

    const edited = await post(
      noteRoute.PATCH,
      author,
      { body: "Customer called twice", version: 1 },
      { id: note.id },
    );
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ version: 2, body: "Customer called twice" });
    const history = (
      edited.json.history as { version: number; body: string; editedByEmail: string }[]
    ).map((h) => [h.version, h.body, h.editedByEmail]);
    expect(history).toEqual([
      [1, "Customer called: the payment is for invoice 77", author.email],
      [2, "Customer called twice", author.email],
    ]);

    // A stale version is refused, and so is someone else's edit.
    const stale = await post(
      noteRoute.PATCH,
      author,
      { body: "again", version: 1 },
      { id: note.id },
    );
    expect(stale.status).toBe(409);
    const foreign = await post(
      noteRoute.PATCH,
      other,
      { body: "mine now", version: 2 },
      { id: note.id },
    );
    expect(foreign.status).toBe(403);
    const byViewer = await post(notesRoute.POST, viewer, {
      targetType: "operation",
      targetId: opId,
      body: "x",
    });
    expect(byViewer.status).toBe(403);

    const audit = await db.auditEvent.findMany({
      where: { targetType: "note", targetId: note.id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["note.created", author.id],
      ["note.edited", author.id],
    ]);
    expect(audit[1].details).toMatchObject({ targetType: "operation", targetId: opId, version: 2 });

    const list = await callRoute(notesRoute.GET, {
      user: viewer,
      path: `/api/notes?targetType=operation&targetId=${opId}`,
    });
    expect(list.status).toBe(200);
    expect((list.json.notes as { id: string }[]).map((n) => n.id)).toEqual([note.id]);
  });

  it("a note on something that does not exist is refused", async () => {
    const r = await post(notesRoute.POST, author, {
      targetType: "finding",
      targetId: "drf_0000000000000000000000",
      body: "nothing here",
    });
    expect(r.status).toBe(404);
  });

  it("masks personal numbers typed into a note when it is shown", async () => {
    const r = await post(notesRoute.POST, author, {
      targetType: "beneficiary",
      targetId: seeded.beneficiaryId,
      body: "Their account is 4865519897622",
    });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.json)).not.toContain("4865519897622");
  });

  it("the operation's notes are in its timeline and its evidence bundle", async () => {
    const t = await callRoute(timelineRoute.GET, { user: viewer, params: { id: opId } });
    const notes = (t.json.events as { kind: string; details: { note?: string } }[]).filter(
      (e) => e.kind === "note",
    );
    expect(notes.map((n) => n.details.note)).toEqual(["Customer called twice"]);
    const e = await callRoute(evidenceRoute.GET, { user: author, params: { id: opId } });
    expect(e.status).toBe(200);
    expect(JSON.stringify(e.json)).toContain("Customer called twice");
  });
});

describe("ticket links", () => {
  it("are found by the search box, on an operation, a beneficiary, a webhook and a finding", async () => {
    const finding = await db.drift.findFirstOrThrow({ where: { operationId: seeded.payout.id } });
    const targets = [
      { targetType: "operation", targetId: opId },
      { targetType: "beneficiary", targetId: seeded.beneficiaryId },
      { targetType: "webhook", targetId: seeded.webhook.id.toString() },
      { targetType: "request", targetId: seeded.requestId },
      { targetType: "finding", targetId: finding.id },
    ];
    for (const t of targets) {
      const r = await post(ticketsRoute.POST, author, { ...t, ticketRef: TICKET });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect((r.json.tickets as { ticketRef: string }[]).map((x) => x.ticketRef)).toEqual([TICKET]);
    }
    // Linking twice changes nothing.
    const again = await post(ticketsRoute.POST, author, { ...targets[0], ticketRef: TICKET });
    expect((again.json.tickets as unknown[]).length).toBe(1);

    const s = await callRoute(searchRoute.GET, { user: viewer, path: `/api/search?q=${TICKET}` });
    expect(s.status, JSON.stringify(s.json)).toBe(200);
    const hits = s.json.hits as { kind: string; id: string; matchedOn: string }[];
    const found = hits
      .filter((h) => h.matchedOn === "TicketLink.ticketRef")
      .map((h) => `${h.kind}:${h.id}`);
    expect(found.sort()).toEqual(
      [
        `operation:${opId}`,
        `beneficiary:${seeded.beneficiaryId}`,
        `webhook:${seeded.webhook.id}`,
        `request:${seeded.requestId}`,
        `finding:${finding.id}`,
      ].sort(),
    );
    const audit = await db.auditEvent.count({
      where: { action: "ticket.linked", details: { path: ["ticketRef"], equals: TICKET } },
    });
    expect(audit).toBe(5);
  });
});
