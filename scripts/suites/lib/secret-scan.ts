// The secret scan: every line the suite's processes printed, and every text / JSON column of every
// table in every schema of the suite's database, searched for each secret the console was given.
import type pg from "pg";

export type TSecret = { name: string; value: string };
export type TScanResult = {
  secrets: number;
  log_bytes: number;
  columns: number;
  hits: { where: string; secret: string; count: number }[];
};

// The launcher prints the demo logins in its banner on purpose (to the person who started it).
const BANNER = /\n {2}Mono Ops Console is running[\s\S]*?Press Ctrl-C to stop everything\./g;

export function scanLogs(text: string, secrets: TSecret[], where = "logs"): TScanResult["hits"] {
  const clean = text.replace(BANNER, "\n[banner]");
  const hits: TScanResult["hits"] = [];
  for (const s of secrets) {
    if (!s.value || s.value.length < 8) continue;
    const count = clean.split(s.value).length - 1;
    if (count > 0) hits.push({ where, secret: s.name, count });
  }
  return hits;
}

export async function scanDatabase(
  pool: pg.Pool,
  secrets: TSecret[],
): Promise<{ columns: number; hits: TScanResult["hits"] }> {
  const usable = secrets.filter((s) => s.value && s.value.length >= 8);
  const { rows: cols } = await pool.query<{
    table_schema: string;
    table_name: string;
    column_name: string;
  }>(
    `SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED', 'bytea')`,
  );
  const hits: TScanResult["hits"] = [];
  for (const c of cols) {
    const ident = `"${c.table_schema}"."${c.table_name}"`;
    const col = `"${c.column_name}"`;
    const sums = usable
      .map((_, i) => `count(*) FILTER (WHERE strpos(${col}::text, $${i + 1}) > 0) AS s${i}`)
      .join(", ");
    const { rows } = await pool.query<Record<string, string>>(
      `SELECT ${sums} FROM ${ident}`,
      usable.map((s) => s.value),
    );
    usable.forEach((s, i) => {
      const n = Number(rows[0][`s${i}`]);
      if (n > 0)
        hits.push({
          where: `${c.table_schema}.${c.table_name}.${c.column_name}`,
          secret: s.name,
          count: n,
        });
    });
  }
  return { columns: cols.length, hits };
}

export async function scanAll(
  pool: pg.Pool,
  logs: string,
  secrets: TSecret[],
): Promise<TScanResult> {
  const db = await scanDatabase(pool, secrets);
  return {
    secrets: secrets.filter((s) => s.value && s.value.length >= 8).length,
    log_bytes: logs.length,
    columns: db.columns,
    hits: [...scanLogs(logs, secrets), ...db.hits],
  };
}
