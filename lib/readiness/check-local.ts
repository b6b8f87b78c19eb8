import "server-only";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { sqlDb } from "../db";
import type { TEnv } from "../env-schema";
import { KEY_AGE_MAX_DAYS, KEY_AGE_WARN_DAYS } from "../mono";
import { signWebhook, verifyWebhookSignature } from "./webhook-signature";
import type { TCheck } from "./types";
import { CHECK_TITLES, detailOf, fixOf } from "./words";

// Checks that need no call to Mono: the webhook secret, key age, database migrations.

export function checkWebhookSecret(env: TEnv, nowSec = Math.floor(Date.now() / 1000)): TCheck {
  const title = CHECK_TITLES.webhook;
  const secret = env.MONO_WEBHOOK_SECRET;
  if (!secret)
    return {
      id: "webhook",
      title,
      status: "fail",
      ...detailOf("webhookNoSecret"),
      ...fixOf("webhookSetSecret"),
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
      ...detailOf("webhookRoundTrip"),
      ...fixOf("webhookCheckSecret"),
    };
  return {
    id: "webhook",
    title,
    status: "pass",
    ...detailOf(env.MONO_WEBHOOK_SECRET_PREVIOUS ? "webhookVerifiedRotation" : "webhookVerified"),
  };
}

export function checkKeyAge(days: number | null): TCheck {
  const title = CHECK_TITLES.key_age;
  const fix = fixOf("keyAgeRotate", { max: KEY_AGE_MAX_DAYS });
  if (days === null)
    return {
      id: "key_age",
      title,
      status: "warn",
      ...detailOf("keyAgeUnset"),
      ...fixOf("keyAgeSetIssuedAt"),
    };
  if (days >= KEY_AGE_MAX_DAYS)
    return {
      id: "key_age",
      title,
      status: "fail",
      ...detailOf("keyAgeOverLimit", { days, limit: KEY_AGE_MAX_DAYS }),
      ...fix,
    };
  if (days >= KEY_AGE_WARN_DAYS)
    return {
      id: "key_age",
      title,
      status: "warn",
      ...detailOf("keyAgeNearLimit", { days, warnAt: KEY_AGE_WARN_DAYS }),
      ...fix,
    };
  return { id: "key_age", title, status: "pass", ...detailOf("keyAgeOk", { days }) };
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
  const title = CHECK_TITLES.migrations;
  const missing = onDisk.filter((m) => !applied.includes(m));
  const unknown = applied.filter((m) => !onDisk.includes(m));
  if (onDisk.length === 0)
    return {
      id: "migrations",
      title,
      status: "warn",
      ...detailOf("migrationsNoDir"),
      ...fixOf("migrationsRunFromRoot"),
    };
  if (missing.length)
    return {
      id: "migrations",
      title,
      status: "fail",
      ...detailOf("migrationsNotApplied", { count: missing.length, names: missing.join(", ") }),
      ...fixOf("migrationsDeploy"),
    };
  if (unknown.length)
    return {
      id: "migrations",
      title,
      status: "warn",
      ...detailOf("migrationsUnknown", { count: unknown.length, names: unknown.join(", ") }),
      ...fixOf("migrationsDeployMatchingCode"),
    };
  return {
    id: "migrations",
    title,
    status: "pass",
    ...detailOf("migrationsOk", { count: applied.length, latest: onDisk[onDisk.length - 1] }),
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
      title: CHECK_TITLES.migrations,
      status: "fail",
      ...detailOf("migrationsUnreadable", { reason }),
      ...fixOf("migrationsCheckDatabase"),
    };
  }
}
