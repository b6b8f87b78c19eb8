import { z } from "zod";

// The environment contract. Plain module (no "server-only"): the launcher and the Next.js
// instrumentation hook validate with it before anything starts.
// The write path's named kill points, in the order a request passes them.
export const FAULT_POINTS = [
  "after_key_claim",
  "after_operation_commit",
  "after_mono_request_sent",
  "after_mono_response",
  "after_state_recorded",
] as const;
export type TFaultPoint = (typeof FAULT_POINTS)[number];

const ZBool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  // Connections in each of the two pools: Prisma's and the node-pg one of the hot paths (lib/db.ts).
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Which Mono environment the console talks to. Sandbox and production credentials live in
  // distinct variables so one can never be used for the other (docs/DESIGN.md P8).
  MONO_ENV: z.enum(["sandbox", "production"]).default("sandbox"),
  MONO_SANDBOX_BASE_URL: z.string().url().default("http://127.0.0.1:4010"),
  MONO_SANDBOX_API_KEY: z.string().min(8).optional(),
  MONO_SANDBOX_BATCH_API_KEY: z.string().min(8).optional(),
  MONO_SANDBOX_KEY_ISSUED_AT: z.string().date().optional(),
  MONO_PRODUCTION_BASE_URL: z.string().url().optional(),
  MONO_PRODUCTION_API_KEY: z.string().min(8).optional(),
  MONO_PRODUCTION_BATCH_API_KEY: z.string().min(8).optional(),
  MONO_PRODUCTION_KEY_ISSUED_AT: z.string().date().optional(),
  MONO_WEBHOOK_SECRET: z.string().min(8).optional(),
  MONO_WEBHOOK_SECRET_PREVIOUS: z.string().min(8).optional(),
  MONO_TIMEOUT_CONNECT_MS: z.coerce.number().int().positive().default(5_000),
  MONO_TIMEOUT_RESPONSE_MS: z.coerce.number().int().positive().default(30_000),
  MONO_TIMEOUT_TOTAL_MS: z.coerce.number().int().positive().default(60_000),
  MONO_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(10),
  // Requests per instance that batch traffic may hold at once (of MONO_MAX_IN_FLIGHT), so a payroll
  // run can never take every slot from interactive traffic (docs/DESIGN.md P19).
  MONO_MAX_IN_FLIGHT_BATCH: z.coerce.number().int().positive().optional(),
  // Request-log days older than this are dropped whole (lib/partitions/maintain.ts).
  MONO_REQUEST_LOG_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  // Webhook events are kept longer (commercial records): whole days are dropped past this.
  WEBHOOK_EVENT_RETENTION_DAYS: z.coerce.number().int().positive().default(3650),
  // Monitoring and alerts (docs/MONITORING.md); balances polled every 1–5 min (docs/DESIGN.md P22).
  BALANCE_POLL_SECONDS: z.coerce.number().int().min(60).max(300).default(120),
  // Optional Slack-style incoming webhook that receives every newly opened alert.
  ALERT_WEBHOOK_URL: z.string().url().optional(),
  // Notifications that reach people (docs/PAYOUTS.md "Approvals that reach people"), each optional:
  // e-mail through SMTP (smtp://user:pass@host:587 or smtps://…) from NOTIFY_EMAIL_FROM, and a
  // Slack-style incoming webhook for the team's chat.
  NOTIFY_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "smtp:// or smtps:// URL")
    .optional(),
  NOTIFY_EMAIL_FROM: z.string().min(3).default("Mono Ops Console <ops-console@localhost>"),
  NOTIFY_CHAT_WEBHOOK_URL: z.string().url().optional(),
  // The language of e-mails and chat posts (one team channel: the bell follows each reader).
  NOTIFICATIONS_LOCALE: z.enum(["es-CO", "en"]).default("es-CO"),
  // Bearer token for GET /api/metrics (Prometheus). Unset: the endpoint answers 404.
  METRICS_TOKEN: z.string().min(16).optional(),
  // Error-rate alert: share of non-2xx attempts over the last 5 minutes, once there are enough of them.
  ERROR_RATE_ALERT_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.2),
  ERROR_RATE_MIN_REQUESTS: z.coerce.number().int().positive().default(20),
  // 429 storm: this many 429 answers within 5 minutes.
  STORM_429_THRESHOLD: z.coerce.number().int().positive().default(20),
  // "No webhook while operations are in flight": silence longer than this with accepted operations.
  WEBHOOK_SILENCE_MINUTES: z.coerce.number().int().positive().default(30),
  // Webhook receiver (docs/WEBHOOKS.md): Mono-Signature timestamp tolerance (Mono's reference
  // implementation uses 300 s), the body limit, and bad signatures within 15 minutes before alerting.
  WEBHOOK_SIGNATURE_TOLERANCE_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  WEBHOOK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(1024 * 1024),
  WEBHOOK_SIGNATURE_ALERT_THRESHOLD: z.coerce.number().int().positive().default(5),
  // Reconciliation (docs/RECONCILIATION.md): how far back the hourly run looks.
  RECONCILE_WINDOW_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 31)
    .default(24),
  // Optional single sign-on (OIDC). On when all three are set.
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  // Leases of the write path (docs/PAYOUTS.md): how long a console request holds its
  // Idempotency-Key, and how long a send holds its operation, before another process may take over.
  IDEMPOTENCY_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(120_000),
  SEND_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(90_000),
  // Crash testing only (docs/RELIABILITY.md "Kill points"): the process SIGKILLs itself at this
  // named point of the write path. Refused when MONO_ENV=production.
  FAULT_POINT: z.enum(FAULT_POINTS).optional(),
  DEMO_USERS: ZBool.default(false),
  TRUST_PROXY: ZBool.default(false),
});
export type TEnv = z.infer<typeof ZEnv>;

// In production mode (MONO_ENV=production) nothing has a silent default: every one of these must
// be set, and start-up stops with the list of what is missing (docs/DESIGN.md P8).
export const REQUIRED_IN_PRODUCTION = [
  "DATABASE_URL",
  "NEXTAUTH_URL",
  "NEXTAUTH_SECRET",
  "MONO_PRODUCTION_BASE_URL",
  "MONO_PRODUCTION_API_KEY",
  "MONO_PRODUCTION_KEY_ISSUED_AT",
  "MONO_WEBHOOK_SECRET",
] as const;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuration is incomplete or invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function readEnv(source: Record<string, string | undefined>): TEnv {
  // Empty strings count as "not set".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = ZEnv.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${issue.path.join(".")}: ${issue.message}`);
  }
  if (cleaned.MONO_ENV === "production") {
    for (const name of REQUIRED_IN_PRODUCTION)
      if (!cleaned[name]) problems.push(`${name} is required when MONO_ENV=production`);
    if (cleaned.DEMO_USERS && cleaned.DEMO_USERS !== "0" && cleaned.DEMO_USERS !== "false") {
      problems.push("DEMO_USERS must be off when MONO_ENV=production");
    }
    if (cleaned.FAULT_POINT) problems.push("FAULT_POINT must not be set when MONO_ENV=production");
  }
  if (problems.length > 0 || !parsed.success) throw new EnvError(problems);
  return parsed.data;
}
