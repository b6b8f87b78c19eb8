import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { pgConnectionConfig } from "./db-url";
import { env } from "./env";

// One Prisma client per process, kept on globalThis so Next's dev reloads do not open new pools.
function createClient() {
  const adapter = new PrismaPg({
    ...pgConnectionConfig(env.DATABASE_URL),
    max: env.DATABASE_POOL_MAX,
  });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 15_000 },
  });
}

const g = globalThis as unknown as { __monoOpsDb?: ReturnType<typeof createClient> };
export const db = g.__monoOpsDb ?? (g.__monoOpsDb = createClient());
export type TDb = typeof db;
export type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

// A plain node-pg pool for the few hot statements that skip Prisma (the webhook receiver's group
// commit): Prisma 6 runs every query, raw ones included, through its JS/wasm query interpreter on
// the main thread, which the acknowledgements share (docs/WEBHOOKS.md "Performance").
// allowExitOnIdle: an idle pool must not keep a script or test worker alive.
const gp = globalThis as unknown as { __monoOpsPg?: pg.Pool };
export function pgPool(): pg.Pool {
  return (gp.__monoOpsPg ??= new pg.Pool({
    ...pgConnectionConfig(env.DATABASE_URL),
    max: Math.min(env.DATABASE_POOL_MAX, 4),
    allowExitOnIdle: true,
  }));
}
