import "server-only";
import { sql } from "kysely";
import { sqlDb } from "../db";

export async function checkReadiness(): Promise<{
  status: "ready" | "not_ready";
  database: "ok" | "unreachable";
  ms: number;
}> {
  const started = performance.now();
  try {
    await Promise.race([
      sql`SELECT 1`.execute(sqlDb),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000)),
    ]);
    return { status: "ready", database: "ok", ms: Math.round(performance.now() - started) };
  } catch {
    return {
      status: "not_ready",
      database: "unreachable",
      ms: Math.round(performance.now() - started),
    };
  }
}
