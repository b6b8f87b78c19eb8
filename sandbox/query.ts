// Query-string parsing for list endpoints: pagination (page_size 10..500), bracket objects
// (`sort[field]=…`, `inserted_at[from]=…`) and date ranges. Out-of-range values are 400s.
import type { TMonoPagination, TMonoSortType } from "../lib/mono/contract";
import { fail } from "./errors";

export type TPage = { page_number: number; page_size: number };

export function page(q: URLSearchParams): TPage {
  const num = q.get("page_number");
  const size = q.get("page_size");
  const page_number = num === null ? 1 : Number(num);
  const page_size = size === null ? 10 : Number(size);
  if (num !== null && (!/^\d+$/.test(num) || page_number < 1)) {
    fail(400, "invalid_format", "page_number must be an integer ≥ 1.", "#/page_number");
  }
  if (size !== null && (!/^\d+$/.test(size) || page_size < 10 || page_size > 500)) {
    fail(400, "invalid_format", "page_size must be an integer between 10 and 500.", "#/page_size");
  }
  return { page_number, page_size };
}

export function paginate<T>(items: T[], p: TPage): { items: T[]; pagination: TMonoPagination } {
  const start = (p.page_number - 1) * p.page_size;
  return {
    items: items.slice(start, start + p.page_size),
    pagination: {
      page_number: p.page_number,
      page_size: p.page_size,
      total_items: items.length,
      total_pages: Math.ceil(items.length / p.page_size),
    },
  };
}

/** `name[key]=value` pairs as an object (also accepts `name.key=value`). */
export function nested(q: URLSearchParams, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of q) {
    if (k.startsWith(name + "[") && k.endsWith("]")) out[k.slice(name.length + 1, -1)] = v;
    else if (k.startsWith(name + ".")) out[k.slice(name.length + 1)] = v;
  }
  return out;
}

/** A single value or `name[]` repeated values. */
export function multi(q: URLSearchParams, name: string): string[] {
  return [...q.getAll(name), ...q.getAll(name + "[]")]
    .flatMap((v) => v.split(","))
    .filter((v) => v !== "");
}

export function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
  name: string,
): T | null {
  if (value === null) return null;
  const hit = allowed.find((a) => a === value);
  if (!hit)
    fail(400, "invalid_format", `${name} must be one of ${allowed.join(", ")}.`, `#/${name}`);
  return hit;
}

export type TRange = { from: number; until: number };

export function range(q: URLSearchParams, name: string): TRange | null {
  const r = nested(q, name);
  if (r.from === undefined && r.until === undefined) return null;
  const at = (v: string | undefined, key: string): number => {
    if (v === undefined) return key === "from" ? -Infinity : Infinity;
    const t = Date.parse(v);
    if (Number.isNaN(t))
      fail(
        400,
        "invalid_format",
        `${name}[${key}] must be an ISO 8601 timestamp.`,
        `#/${name}/${key}`,
      );
    return t;
  };
  return { from: at(r.from, "from"), until: at(r.until, "until") };
}

export function sort<F extends string>(
  q: URLSearchParams,
  fields: readonly F[],
  dflt: F,
): { field: F; type: TMonoSortType } {
  const s = nested(q, "sort");
  // also accept the compact form sort=field:asc
  const compact = q.get("sort");
  const [cf, ct] = compact ? compact.split(":") : [];
  const field = oneOf(s.field ?? cf ?? null, fields, "sort/field") ?? dflt;
  const type = oneOf(s.type ?? ct ?? null, ["asc", "desc"] as const, "sort/type") ?? "desc";
  return { field, type };
}

export function bool(value: string | null, name: string): boolean | null {
  if (value === null) return null;
  if (value === "true") return true;
  if (value === "false") return false;
  fail(400, "invalid_format", `${name} must be true or false.`, `#/${name}`);
}
