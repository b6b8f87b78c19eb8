import "server-only";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { sqlDb } from "../db";
import type { TEnv } from "../env-schema";
import { KEY_AGE_MAX_DAYS, KEY_AGE_WARN_DAYS } from "../mono";
import { signWebhook, verifyWebhookSignature } from "./webhook-signature";
import type { TCheck } from "./types";

// Checks that need no call to Mono: the webhook secret, key age, database migrations.

export function checkWebhookSecret(env: TEnv, nowSec = Math.floor(Date.now() / 1000)): TCheck {
  const title = "Webhook secret configured and verified";
  const secret = env.MONO_WEBHOOK_SECRET;
  if (!secret)
    return {
      id: "webhook",
      title,
      status: "fail",
      detail: "MONO_WEBHOOK_SECRET is not set",
      fix: "Copy the webhook signing secret from Mono's dashboard into MONO_WEBHOOK_SECRET.",
    };
  const body = JSON.stringify({
    event: { type: "readiness_check", data: { id: "readiness" } },
    timestamp: new Date(nowSec * 1000).toISOString(),
  });
  const secrets = [
    secret,
    ...(env.MONO_WEBHOOK_SECRET_PREVIOUS ? [env.MONO_WEBHOOK_SECRET_PREVIOUS] : []),
  ];
  const good = verifyWebhookSignature({
    header: signWebhook(secret, body, nowSec),
    rawBody: body,
    secrets,
    nowSec,
  });
  // The verifier must also refuse what it should: a tampered body and a stale timestamp.
  const tampered = verifyWebhookSignature({
    header: signWebhook(secret, body, nowSec),
    rawBody: body + " ",
    secrets,
    nowSec,
  });
  const stale = verifyWebhookSignature({
    header: signWebhook(secret, body, nowSec - 301),
    rawBody: body,
    secrets,
    nowSec,
  });
  if (!good.ok || tampered.ok || stale.ok)
    return {
      id: "webhook",
      title,
      status: "fail",
      detail: "The signature round trip did not behave as expected",
      fix: "Check MONO_WEBHOOK_SECRET for stray whitespace or quoting.",
    };
  const rotation = env.MONO_WEBHOOK_SECRET_PREVIOUS
    ? " (previous secret also accepted: finish the rotation soon)"
    : "";
  return {
    id: "webhook",
    title,
    status: "pass",
    detail: `A signed test event verified; tampered and stale copies were refused${rotation}`,
  };
}

export function checkKeyAge(days: number | null): TCheck {
  const title = "API key age";
  const fix = `Issue a new key in Mono's dashboard, deploy it, update MONO_*_KEY_ISSUED_AT, then revoke the old key (rotate every ${KEY_AGE_MAX_DAYS} days).`;
  if (days === null)
    return {
      id: "key_age",
      title,
      status: "warn",
      detail: "MONO_*_KEY_ISSUED_AT is not set",
      fix: "Set MONO_*_KEY_ISSUED_AT (YYYY-MM-DD) to the day the key was issued.",
    };
  if (days >= KEY_AGE_MAX_DAYS)
    return {
      id: "key_age",
      title,
      status: "fail",
      detail: `${days} days old (limit ${KEY_AGE_MAX_DAYS})`,
      fix,
    };
  if (days >= KEY_AGE_WARN_DAYS)
    return {
      id: "key_age",
      title,
      status: "warn",
      detail: `${days} days old (warn at ${KEY_AGE_WARN_DAYS})`,
      fix,
    };
  return { id: "key_age", title, status: "pass", detail: `${days} days old` };
}

export function migrationsOnDisk(root = process.cwd()): string[] {
  const dir = path.join(root, "prisma", "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

export function compareMigrations(onDisk: string[], applied: string[]): TCheck {
  const title = "Database migrations current";
  const missing = onDisk.filter((m) => !applied.includes(m));
  const unknown = applied.filter((m) => !onDisk.includes(m));
  if (onDisk.length === 0)
    return {
      id: "migrations",
      title,
      status: "warn",
      detail: "No prisma/migrations directory next to the running code",
      fix: "Run the checks from the application's root directory.",
    };
  if (missing.length)
    return {
      id: "migrations",
      title,
      status: "fail",
      detail: `${missing.length} not applied: ${missing.join(", ")}`,
      fix: "Run `npm run db:migrate` (prisma migrate deploy) against this DATABASE_URL.",
    };
  if (unknown.length)
    return {
      id: "migrations",
      title,
      status: "warn",
      detail: `The database has ${unknown.length} migration(s) this code does not know: ${unknown.join(", ")}`,
      fix: "Deploy the code version that matches the database.",
    };
  return {
    id: "migrations",
    title,
    status: "pass",
    detail: `${applied.length} applied, latest ${onDisk[onDisk.length - 1]}`,
  };
}

export async function checkMigrations(root?: string): Promise<TCheck> {
  try {
    // Prisma's own bookkeeping table: not part of the typed schema, so spelled out.
    const { rows } = await sql<{ migration_name: string }>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`.execute(
      sqlDb,
    );
    return compareMigrations(
      migrationsOnDisk(root),
      rows.map((r) => r.migration_name),
    );
  } catch (err) {
    // The database's own sentence (relation does not exist, connection refused), on one line. A
    // refused connection to a host with several addresses fails with an empty AggregateError:
    // its code is then what says something.
    const e = err as { message?: unknown; code?: unknown };
    const text =
      (typeof e?.message === "string" && e.message) ||
      (typeof e?.code === "string" && e.code) ||
      String(err);
    const reason = text.replace(/\s+/g, " ").trim().slice(0, 200);
    return {
      id: "migrations",
      title: "Database migrations current",
      status: "fail",
      detail: `Cannot read _prisma_migrations: ${reason}`,
      fix: "Check DATABASE_URL, then run `npm run db:migrate`.",
    };
  }
}
