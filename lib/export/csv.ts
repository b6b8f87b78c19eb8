import "server-only";
import { z } from "zod";

// The one CSV writer of the exports (docs/I18N.md "CSV exports"). Two forms of the same rows:
// - "machine": comma-separated, ISO 8601 UTC times, amounts with a decimal point ("1234567.89");
//   for scripts and reconciliation.
// - "es-CO": what a spreadsheet set to Spanish (Colombia) opens as columns and numbers:
//   semicolon-separated, amounts with a decimal comma and no grouping ("1234567,89"), times
//   "05/12/2026 14:25:31" in Bogotá, a UTF-8 byte-order mark so accents survive.
// Every cell is quoted, and a cell that starts like a formula (=, +, -, @) is defused.

export const CSV_FORMATS = ["machine", "es-CO"] as const;
export type TCsvFormat = (typeof CSV_FORMATS)[number];
export const ZCsvFormat = z.enum(CSV_FORMATS).default("machine");

/** A typed cell: the form decides how a time or an amount is written. */
export type TCell =
  | string
  | number
  | null
  | undefined
  | { time: Date | string | null }
  | { minor: number | bigint | null };

const BOGOTA = new Intl.DateTimeFormat("es-CO", {
  timeZone: "America/Bogota",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function bogotaTime(d: Date): string {
  const p = Object.fromEntries(BOGOTA.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

function amount(minor: number | bigint, decimal: "." | ","): string {
  const m = BigInt(minor);
  const abs = m < 0n ? -m : m;
  return `${m < 0n ? "-" : ""}${abs / 100n}${decimal}${String(abs % 100n).padStart(2, "0")}`;
}

function text(c: TCell, format: TCsvFormat): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "object" && "time" in c) {
    if (c.time === null) return "";
    const d = c.time instanceof Date ? c.time : new Date(c.time);
    return format === "es-CO" ? bogotaTime(d) : d.toISOString();
  }
  if (typeof c === "object" && "minor" in c)
    return c.minor === null ? "" : amount(c.minor, format === "es-CO" ? "," : ".");
  return String(c);
}

function quote(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(cells: TCell[], format: TCsvFormat): string {
  return cells.map((c) => quote(text(c, format))).join(format === "es-CO" ? ";" : ",");
}

/** Every page of a keyset-paginated list, one at a time: fetch(cursor) → rows and the next cursor. */
export async function* keysetPages<T>(
  fetch: (cursor: string | undefined) => Promise<{ rows: T[]; next: string | null }>,
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    yield page.rows;
    cursor = page.next ?? undefined;
  } while (cursor);
}

/**
 * Streams a header and every page a source yields, one page at a time (memory stays flat at any
 * size): pull() asks the source for its next page only when the reader wants more.
 */
export function streamCsv<T>(o: {
  format: TCsvFormat;
  header: string[];
  pages: AsyncIterator<T[]>;
  row: (r: T) => TCell[];
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const bom = o.format === "es-CO" ? "\ufeff" : "";
        controller.enqueue(encoder.encode(bom + csvLine(o.header, o.format) + "\n"));
        return;
      }
      const next = await o.pages.next();
      if (next.done) return controller.close();
      if (next.value.length)
        controller.enqueue(
          encoder.encode(next.value.map((r) => csvLine(o.row(r), o.format)).join("\n") + "\n"),
        );
    },
  });
}

/** The download's headers: type, file name with the row count, and the count itself. */
export function csvHeaders(name: string, rows: number, format: TCsvFormat): HeadersInit {
  const day = new Date().toISOString().slice(0, 10);
  const suffix = format === "es-CO" ? "-es-CO" : "";
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}-${day}-${rows}-rows${suffix}.csv"`,
    "x-row-count": String(rows),
  };
}
