// Turns a postgresql:// URL into discrete pg connection fields. Shared by the Prisma CLI config,
// lib/db.ts and the scripts: a plain module (no "server-only") because the CLI loads it too.
export type TPgConnection = {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  max?: number;
};

export function pgConnectionConfig(url: string | undefined): TPgConnection {
  if (!url) throw new Error("DATABASE_URL is not set");
  const u = new URL(url);
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw new Error("DATABASE_URL must start with postgresql://");
  }
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || "postgres",
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
}
