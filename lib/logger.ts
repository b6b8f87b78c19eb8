import "server-only";
import pino, { type LoggerOptions } from "pino";
import { env } from "./env";
import { maskPii, maskText } from "./operations/mask";

// Secrets and PII never reach a log line: these paths are censored wherever they appear.
export const REDACT_PATHS = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "apiKey",
  "*.apiKey",
  "secret",
  "*.secret",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "*.document_number",
  "*.account_number",
];

// An error is logged through an allow-list: what identifies it (type, message, stack, codes,
// status, Mono's log id, the database's constraint/table names) and its cause chain. Everything
// else an error object may carry is dropped: Prisma's `meta` (with a driver adapter, the
// database's message and detail), node-pg's `detail`/`where`/`parameters`, a statement's `query`
// and values, Mono's error bodies. pino's redaction does not reach those (they are not plain
// paths), and a unique violation's detail names the value ("Key (…)=(4865519897622)"). Message
// and stack are free text: long digit runs and e-mail addresses in them are masked (maskText).
const ERROR_FIELDS = [
  "type",
  "name",
  "code",
  "errorCode",
  "status",
  "statusCode",
  "kind",
  "logId",
  "path",
  "routine",
  "severity",
  "constraint",
  "table",
  "column",
  "clientVersion",
  "retryAfterMs",
] as const;
const MAX_CAUSES = 5;

export function serializeError(err: unknown, depth = 0): unknown {
  if (err === null || err === undefined) return err;
  if (typeof err === "string") return maskText(err);
  if (typeof err !== "object") return err;
  const e = err as Record<string, unknown>;
  const out: Record<string, unknown> = {
    type: err instanceof Error ? err.constructor.name : (e.type ?? "Error"),
  };
  const message = err instanceof Error ? err.message : e.message;
  if (message !== undefined) out.message = maskText(String(message));
  if (typeof e.stack === "string") out.stack = maskText(e.stack);
  for (const k of ERROR_FIELDS) {
    if (k === "type") continue;
    const v = e[k];
    if (typeof v === "string") out[k] = maskText(v);
    else if (typeof v === "number" || typeof v === "boolean") out[k] = v;
  }
  if (e.cause !== undefined && depth < MAX_CAUSES) out.cause = serializeError(e.cause, depth + 1);
  if (Array.isArray(e.errors) && err instanceof AggregateError && depth < MAX_CAUSES)
    out.errors = e.errors.slice(0, 10).map((x) => serializeError(x, depth + 1));
  return out;
}

// Every log object: an Error under any key goes through serializeError; everything else through
// maskPii (account/document numbers, e-mails and phone numbers by field name, at any depth; pino's
// redact paths only reach one level).
function maskLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj))
    out[k] = v instanceof Error ? serializeError(v) : maskPii(v);
  return out;
}

export const loggerOptions: LoggerOptions = {
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { service: "mono-ops-console" },
  redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
  serializers: { err: serializeError, error: serializeError, cause: serializeError },
  formatters: { log: maskLogObject },
};

export const logger = pino(loggerOptions);
export type TLogger = typeof logger;
