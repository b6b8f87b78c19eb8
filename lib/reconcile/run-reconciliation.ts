import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { env } from "../env";
import { newId } from "../ids";
import { logger } from "../logger";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { sqlStateOf } from "../api/map-db-error";
import { getMonoClient } from "../mono";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { raiseAlert } from "../alerts/raise-alert";
import { comparePayouts } from "./compare-payouts";
import { compareTransfers } from "./compare-transfers";
import { compareBalances } from "./compare-balances";
import { allPages, type TFinding, type TReconcileMono, type TScope } from "./types";

// One reconciliation run (hourly job or "Run now"): our operations in the window vs Mono's
// payouts, transfers, ledger movements and balances. A finding already open from an earlier run
// (same kind, operation and Mono object) is not stored again: runs report it as "still open",
// so an hourly job does not bury the page in copies. New critical findings raise the
// "reconciliation_critical" alert (same fold key as lib/alerts' evaluator).

export type TRunOptions = {
  trigger: "schedule" | "manual";
  windowHours?: number;
  now?: Date;
  /** restrict to these accounts (default: every active ledger and Banking account at Mono) */
  ledgerAccounts?: string[];
  bankAccounts?: string[];
  startedBy?: { id: string; email: string };
  ctx?: TAuditContext;
  mono?: TReconcileMono;
};

const HEARTBEAT_MS = 15_000;
const ABANDONED_AFTER_MS = 60_000;
const ABANDONED =
  "Abandoned: the process running it stopped before it finished (no heartbeat for 60 s)";
const INTERRUPTED = "Interrupted: the console stopped before it finished";
const inFlight = new Set<string>(); // this process's running runs

/** On shutdown, after running jobs had their time: closes this process's unfinished runs. */
export async function closeInterruptedRuns(): Promise<number> {
  if (!inFlight.size) return 0;
  const r = await db.reconciliationRun.updateMany({
    where: { id: { in: [...inFlight] }, state: "running" },
    data: { state: "failed", finishedAt: new Date(), error: INTERRUPTED },
  });
  inFlight.clear();
  return r.count;
}

async function defaultAccounts(mono: TReconcileMono) {
  const ledger = await allPages(async (page) => {
    const r = await mono.listLedgerAccounts({ page_number: page, page_size: 500 });
    return { items: r.accounts, totalPages: r.pagination.total_pages };
  });
  const bank = await allPages(async (page) => {
    const r = await mono.listAccounts({ page_number: page, page_size: 500 });
    return { items: r.accounts, totalPages: r.pagination.total_pages };
  });
  return {
    ledgerAccounts: ledger.filter((a) => a.state !== "canceled").map((a) => a.id),
    bankAccounts: bank.filter((a) => a.state === "active").map((a) => a.id),
  };
}

const STORE_CHUNK = 1_000;
const findingKey = (f: { kind: string; operationId: string | null; monoObjectId: string | null }) =>
  `${f.kind}|${f.operationId ?? ""}|${f.monoObjectId ?? ""}`;

// Set-based, a chunk at a time: one read of the chunk's open findings, one insert of the new ones
// (a run over a day in which Mono lost many objects finds tens of thousands; one round trip per
// finding took minutes).
async function storeFindings(runId: string, findings: TFinding[]) {
  let created = 0;
  let stillOpen = 0;
  let newCritical = 0;
  const seen = new Set<string>(); // earlier findings of this run, already stored or counted
  for (let i = 0; i < findings.length; i += STORE_CHUNK) {
    const chunk = findings.slice(i, i + STORE_CHUNK);
    const opIds = [...new Set(chunk.flatMap((f) => (f.operationId ? [f.operationId] : [])))];
    const monoIds = [
      ...new Set(chunk.flatMap((f) => (!f.operationId && f.monoObjectId ? [f.monoObjectId] : []))),
    ];
    const open = await db.drift.findMany({
      where: {
        resolvedAt: null,
        OR: [{ operationId: { in: opIds } }, { operationId: null, monoObjectId: { in: monoIds } }],
      },
      select: { kind: true, operationId: true, monoObjectId: true },
    });
    for (const d of open) seen.add(findingKey(d));
    const fresh: Prisma.DriftCreateManyInput[] = [];
    for (const f of chunk) {
      const key = findingKey(f);
      if (seen.has(key)) {
        stillOpen++;
        continue;
      }
      seen.add(key);
      fresh.push({
        id: newId("drf"),
        runId,
        kind: f.kind,
        severity: f.severity,
        operationId: f.operationId,
        monoObjectId: f.monoObjectId,
        evidence: f.evidence as Prisma.InputJsonValue,
      });
      if (f.severity === "critical") newCritical++;
    }
    if (fresh.length) await db.drift.createMany({ data: fresh });
    created += fresh.length;
  }
  return { created, stillOpen, newCritical };
}

/**
 * Starts a run, or refuses with 409 while another one is alive. At most one run is `running`
 * (a partial unique index), and a running run writes its heartbeat every 15 s: one whose
 * heartbeat is older than 60 s was abandoned by a stopped or killed process, is closed as failed,
 * and no longer blocks.
 */
async function startRun(o: TRunOptions, now: Date, hours: number) {
  await db.reconciliationRun.updateMany({
    where: { state: "running", heartbeatAt: { lt: new Date(Date.now() - ABANDONED_AFTER_MS) } },
    data: { state: "failed", finishedAt: new Date(), error: ABANDONED },
  });
  try {
    return await db.reconciliationRun.create({
      data: {
        id: newId("rec"),
        trigger: o.trigger,
        windowStart: new Date(now.getTime() - hours * 3_600_000),
        windowEnd: now,
        state: "running",
        startedAt: now,
        heartbeatAt: new Date(),
        startedById: o.startedBy?.id ?? null,
      },
    });
  } catch (err) {
    if (sqlStateOf(err) !== "23505") throw err;
    const running = await db.reconciliationRun.findFirst({
      where: { state: "running" },
      select: { id: true },
    });
    throw AppError.worded(
      "conflict",
      running
        ? consoleWords("reconciliation_in_progress", { run: running.id })
        : consoleWords("other_reconciliation_in_progress"),
    );
  }
}

export async function runReconciliation(o: TRunOptions) {
  const now = o.now ?? new Date();
  const hours = o.windowHours ?? env.RECONCILE_WINDOW_HOURS;
  const run = await startRun(o, now, hours);
  inFlight.add(run.id);
  const heartbeat = setInterval(() => {
    db.reconciliationRun
      .updateMany({ where: { id: run.id, state: "running" }, data: { heartbeatAt: new Date() } })
      .catch((err) => logger.warn({ err, runId: run.id }, "reconciliation heartbeat failed"));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    if (o.trigger === "manual")
      await recordAudit({
        action: "reconciliation.run_started",
        target: { type: "reconciliation_run", id: run.id },
        details: { windowHours: hours, by: o.startedBy?.email ?? null },
        ctx: o.ctx,
      });
    const mono = o.mono ?? getMonoClient();
    const accounts =
      o.ledgerAccounts || o.bankAccounts
        ? { ledgerAccounts: o.ledgerAccounts ?? [], bankAccounts: o.bankAccounts ?? [] }
        : await defaultAccounts(mono);
    const scope: TScope = {
      windowStart: run.windowStart,
      windowEnd: run.windowEnd,
      mono,
      ...accounts,
    };
    const payouts = await comparePayouts(scope, now);
    const transfers = await compareTransfers(scope, now);
    const balances = await compareBalances(scope);
    const findings = [...payouts.findings, ...transfers.findings, ...balances.findings];
    const stored = await storeFindings(run.id, findings);
    if (stored.newCritical > 0) {
      const open = await db.drift.count({ where: { resolvedAt: null, severity: "critical" } });
      await raiseAlert({
        rule: "reconciliation_critical",
        subject: "drift",
        severity: "critical",
        title: `${open} critical reconciliation finding(s) unresolved`,
        details: { open, runId: run.id },
      });
    }
    const byKind: Record<string, number> = {};
    for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    const summary = {
      findings: findings.length,
      ...stored,
      byKind,
      checked: {
        payouts: payouts.checked,
        transfers: transfers.checked,
        ledgerAccounts: scope.ledgerAccounts.length,
        bankAccounts: scope.bankAccounts.length,
      },
      busyAccounts: balances.checks.filter((c) => c.status === "busy").map((c) => c.account),
    };
    return await db.reconciliationRun.update({
      where: { id: run.id },
      data: { state: "done", finishedAt: new Date(), summary },
    });
  } catch (err) {
    logger.error({ err, runId: run.id }, "reconciliation run failed");
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return db.reconciliationRun.update({
      where: { id: run.id },
      data: { state: "failed", finishedAt: new Date(), error: message.slice(0, 1000) },
    });
  } finally {
    clearInterval(heartbeat);
    inFlight.delete(run.id);
  }
}
