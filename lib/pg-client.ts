import { createHash } from "node:crypto";
import pg from "pg";

// A node-pg Client that turns the statements a process runs again and again into named prepared
// statements, so PostgreSQL parses and plans them once per connection instead of on every call.
// Measured on the request log's INSERT (bench/client): 0.61 → 0.35 ms per single-row flush,
// 0.87 → 0.63 ms for seven rows; planning was ~40 % of PostgreSQL's time for these statements.
// Used as the `Client` of every node-pg pool (lib/db.ts, the request-log sink). Rules:
// - Only parameterised text (BEGIN, COMMIT and literal-only statements stay as they are), and only
//   from its second run in this process: one-off statements are not worth a round of Parse.
// - At most MAX_PER_CONNECTION names per connection: statement texts built from a variable number
//   of fragments (a VALUES list per batch size) cannot fill a server's memory.
// - The name is the statement text's hash: prepared statements belong to one connection (session),
//   so the same name on two connections never collides.
// - A statement that fails as prepared with "cached plan must not change result type" (a table
//   changed under a `RETURNING *` while the process ran) is run unnamed from then on.
const MAX_PER_CONNECTION = 100;
const SEEN_LIMIT = 5_000;
const seen = new Map<string, { hash: string; runs: number }>(); // statement text → its runs

/** The statement's hash once it has run before in this process, else null (and counted). */
function hotHash(text: string): string | null {
  const known = seen.get(text);
  if (known !== undefined) {
    known.runs++;
    return known.hash;
  }
  if (seen.size >= SEEN_LIMIT) seen.clear(); // a flood of one-off texts: start counting again
  seen.set(text, { hash: createHash("sha1").update(text).digest("hex").slice(0, 16), runs: 1 });
  return null;
}

/** PostgreSQL's refusal of a prepared plan whose result columns changed (any server language). */
function isStalePlan(err: unknown): boolean {
  const e = err as { code?: string; routine?: string; message?: string };
  return (
    (e?.code === "0A000" && e.routine === "RevalidateCachedQuery") ||
    /cached plan must not change result type/.test(e?.message ?? "")
  );
}

type TQueryArgs = [config: unknown, values?: unknown, callback?: unknown];

export class PreparingClient extends pg.Client {
  readonly #named = new Set<string>();
  readonly #refused = new Set<string>();

  #nameFor(text: string): string | null {
    const hash = hotHash(text);
    if (hash === null || this.#refused.has(hash)) return null;
    const name = `s${hash}`;
    if (this.#named.has(name)) return name;
    if (this.#named.size >= MAX_PER_CONNECTION) return null;
    this.#named.add(name);
    return name;
  }

  // pg's query() is heavily overloaded; only (text, values[], callback?) and ({ text, values },
  // callback?) without a name are rewritten — the forms pg-pool, lib/db.ts and the request-log
  // sink use. Everything else passes through untouched.
  override query(...args: TQueryArgs): never {
    const run = super.query as unknown as (...a: unknown[]) => never;
    const [config, second, third] = args;
    const asObject =
      typeof config === "object" && config !== null && !("name" in config) && "text" in config
        ? (config as { text: unknown; values?: unknown })
        : null;
    const text = typeof config === "string" ? config : asObject?.text;
    const values = typeof config === "string" ? second : asObject?.values;
    // pg-pool passes (config, undefined, callback) whichever form it was given.
    const callback = typeof second === "function" ? second : third;
    if (typeof text !== "string" || !Array.isArray(values) || values.length === 0) {
      return run.apply(this, args);
    }
    const name = this.#nameFor(text);
    if (name === null) return run.apply(this, args);
    const named = { ...(asObject ?? {}), name, text, values };
    const refuse = (err: unknown) => {
      if (isStalePlan(err)) this.#refused.add(name.slice(1));
    };
    if (typeof callback === "function") {
      return run.call(this, named, (err: unknown, res: unknown) => {
        if (err) refuse(err);
        (callback as (e: unknown, r: unknown) => void)(err, res);
      });
    }
    return (run.call(this, named) as Promise<unknown>).catch((err: unknown) => {
      refuse(err);
      throw err;
    }) as never;
  }
}
