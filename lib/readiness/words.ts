import { formatDuration, formatMoney, formatNumber } from "../format/format";
import { isMoneyParam, type TMoneyParam, type TParamValue } from "../api/error-params";
import { wordTable, type TWordArgs } from "../api/word-table";

// The words of the pre-launch checks (docs/DESIGN.md P27). Pure (no "server-only"): the checks
// write their English with it, the browser words the same codes in the person's language (the
// "readiness" catalogue: checks.<id>, detail.<code>, fix.<code>), and a unit test holds the two
// equal in English (tests/unit/readiness/readiness-words.test.ts).
//
// Params are plain strings and numbers, and amounts as `{ minor, currency }` (lib/api/error-params,
// the same as errors' params; formatted as money). A name ending in `Ms` is a duration in
// milliseconds (the catalogue's {<name without Ms>}, formatted as a duration); any other value is
// passed as it is (numbers in the person's number format). Env var names, URLs, ids and HTTP
// statuses are params, never translated.

export type TParams = Record<string, TParamValue>;

export const CHECK_IDS = [
  "env",
  "credentials",
  "balances",
  "banks",
  "webhook",
  "clock",
  "key_age",
  "migrations",
] as const;
export type TCheckId = (typeof CHECK_IDS)[number];
export const CHECK_TITLES: Record<TCheckId, string> = {
  env: "Environment complete",
  credentials: "Credentials valid (list accounts)",
  balances: "Balances readable",
  banks: "Banks list readable",
  webhook: "Webhook secret configured and verified",
  clock: "Clock skew",
  key_age: "API key age",
  migrations: "Database migrations current",
};

/** How values become text: the English side here, the browser's useFormat on screen. */
export type TValueFormat = {
  money: (minor: bigint, currency: string) => string;
  duration: (ms: number) => string;
};
export const ENGLISH_FORMAT: TValueFormat = {
  money: (minor, currency) => formatMoney(minor, { currency }),
  duration: (ms) => formatDuration(ms, { locale: "en" }),
};
const en = ENGLISH_FORMAT;
const num = (n: number) => formatNumber(n, { locale: "en" });
const count = (n: number, one: string, other: string) => `${num(n)} ${n === 1 ? one : other}`;
const money = (m: TMoneyParam) => en.money(BigInt(m.minor), m.currency);

// What a check found, in English, by code.
const DETAILS = {
  envMissing: (p: { env: string; vars: string }) => `MONO_ENV=${p.env}; missing: ${p.vars}`,
  envProductionBaseUrl: (p: { url: string }) => `MONO_ENV=production but the base URL is ${p.url}`,
  envOk: (p: { env: string; url: string }) => `MONO_ENV=${p.env}, base URL ${p.url}`,
  envNoIssuedAt: (p: { env: string; url: string; variable: string }) =>
    `MONO_ENV=${p.env}, base URL ${p.url}; ${p.variable} is not set (key age cannot be tracked)`,
  envNoBatchKey: (p: { env: string; url: string }) =>
    `MONO_ENV=${p.env}, base URL ${p.url}; no separate batch API key: batch traffic shares the interactive key`,
  envNoIssuedAtNoBatchKey: (p: { env: string; url: string; variable: string }) =>
    `MONO_ENV=${p.env}, base URL ${p.url}; ${p.variable} is not set (key age cannot be tracked); no separate batch API key: batch traffic shares the interactive key`,
  accountsListed: (p: { banking: number; ledger: number }) =>
    `${count(p.banking, "Banking account", "Banking accounts")}, ${count(p.ledger, "ledger account", "ledger accounts")}`,
  balancesRead: (p: {
    accountId: string;
    account: TMoneyParam;
    ledgerId: string;
    ledger: TMoneyParam;
  }) =>
    `Live balances read — ${p.accountId}: ${money(p.account)}, ${p.ledgerId}: ${money(p.ledger)}`,
  accountBalanceRead: (p: { accountId: string; account: TMoneyParam }) =>
    `Live balance read — ${p.accountId}: ${money(p.account)}`,
  ledgerBalanceRead: (p: { ledgerId: string; ledger: TMoneyParam }) =>
    `Live balance read — ${p.ledgerId}: ${money(p.ledger)}`,
  noActiveAccount: () => "No active account to read a balance from",
  banksListed: (p: { count: number }) => count(p.count, "bank", "banks"),
  notRunUnconfigured: () => "Not run: the Mono client is not configured",
  notRunCredentials: () => "Not run: the credentials check failed",
  monoConfigMissing: (p: { env: string; vars: string }) => `MONO_ENV=${p.env} requires ${p.vars}`,
  monoConfig: (p: { problems: string }) => `The Mono client is not configured: ${p.problems}`,
  monoKeyRefused: (p: { where: string }) => `Mono refused the API key: ${p.where}`,
  monoRoleMissing: (p: { where: string }) => `The API key lacks a role: ${p.where}`,
  monoAnswered: (p: { where: string }) => `Mono answered ${p.where}`,
  monoNetwork: (p: { kind: string }) => `Network error (${p.kind}) reaching Mono`,
  monoCircuitOpen: () => "The circuit breaker is open (recent consecutive failures)",
  monoShape: (p: { issues: string }) => `Unexpected response shape (${p.issues})`,
  error: (p: { message: string }) => `Unexpected error: ${p.message}`,
  webhookNoSecret: () => "MONO_WEBHOOK_SECRET is not set",
  webhookRoundTrip: () => "The signature round trip did not behave as expected",
  webhookVerified: () => "A signed test event verified; tampered and stale copies were refused",
  webhookVerifiedRotation: () =>
    "A signed test event verified; tampered and stale copies were refused (previous secret also accepted: finish the rotation soon)",
  clockNoDate: () => "No Mono response with a Date header to compare against",
  clockBehind: (p: { skewMs: number }) => `Our clock is ${en.duration(p.skewMs)} behind Mono's`,
  clockAhead: (p: { skewMs: number }) => `Our clock is ${en.duration(p.skewMs)} ahead of Mono's`,
  keyAgeUnset: () => "MONO_*_KEY_ISSUED_AT is not set",
  keyAgeOverLimit: (p: { days: number; limit: number }) =>
    `${count(p.days, "day", "days")} old (limit ${count(p.limit, "day", "days")})`,
  keyAgeNearLimit: (p: { days: number; warnAt: number }) =>
    `${count(p.days, "day", "days")} old (warn at ${count(p.warnAt, "day", "days")})`,
  keyAgeOk: (p: { days: number }) => `${count(p.days, "day", "days")} old`,
  migrationsNoDir: () => "No prisma/migrations directory next to the running code",
  migrationsNotApplied: (p: { count: number; names: string }) =>
    `${num(p.count)} not applied: ${p.names}`,
  migrationsUnknown: (p: { count: number; names: string }) =>
    `The database has ${count(p.count, "migration", "migrations")} this code does not know: ${p.names}`,
  migrationsOk: (p: { count: number; latest: string }) =>
    `${num(p.count)} applied, latest ${p.latest}`,
  migrationsUnreadable: (p: { reason: string }) => `Cannot read _prisma_migrations: ${p.reason}`,
};

// What to do about it, in English, by code.
const FIXES = {
  envSetMissing: (p: { vars: string }) =>
    `Set ${p.vars} in the environment (from your secrets manager, not a committed .env file).`,
  envProductionBaseUrl: () => "Point MONO_PRODUCTION_BASE_URL at Mono's production HTTPS host.",
  envSetNamed: () => "Set the variables named above.",
  monoConfig: () => "Set the Mono variables for the selected MONO_ENV.",
  monoKeyRefused: () =>
    "The key is wrong, revoked or for the other environment: set the right MONO_*_API_KEY.",
  monoRoleMissing: () =>
    "Give the key the Administrator role in Mono's dashboard (or a key that has it).",
  monoRetry: () => "Retry; if it persists, open a ticket with Mono quoting the log id.",
  monoNetwork: () => "Check MONO_*_BASE_URL, DNS, egress firewall and proxy settings.",
  monoCircuitOpen: (p: { waitMs: number }) =>
    `Wait ${en.duration(p.waitMs)} for the half-open probe, then run the checks again.`,
  monoShape: () => "The base URL may not be Mono's API; check MONO_*_BASE_URL.",
  seeLogs: () => "See the console logs for details.",
  activateAccount: () =>
    "Activate a Banking or ledger account in Mono's dashboard, then run the checks again.",
  webhookSetSecret: () =>
    "Copy the webhook signing secret from Mono's dashboard into MONO_WEBHOOK_SECRET.",
  webhookCheckSecret: () => "Check MONO_WEBHOOK_SECRET for stray whitespace or quoting.",
  clockNtp: (p: { toleranceMs: number }) =>
    `Enable NTP (chrony / systemd-timesyncd) on the host: signatures allow ${en.duration(p.toleranceMs)}, and idempotency windows depend on time.`,
  keyAgeSetIssuedAt: () => "Set MONO_*_KEY_ISSUED_AT (YYYY-MM-DD) to the day the key was issued.",
  keyAgeRotate: (p: { max: number }) =>
    `Issue a new key in Mono's dashboard, deploy it, update MONO_*_KEY_ISSUED_AT, then revoke the old key (rotate every ${count(p.max, "day", "days")}).`,
  migrationsRunFromRoot: () => "Run the checks from the application's root directory.",
  migrationsDeploy: () =>
    "Run `npm run db:migrate` (prisma migrate deploy) against this DATABASE_URL.",
  migrationsDeployMatchingCode: () => "Deploy the code version that matches the database.",
  migrationsCheckDatabase: () => "Check DATABASE_URL, then run `npm run db:migrate`.",
};

export type TDetailCode = keyof typeof DETAILS;
export type TFixCode = keyof typeof FIXES;
const details = wordTable(DETAILS);
const fixes = wordTable(FIXES);
export const DETAIL_CODES = details.codes as [TDetailCode, ...TDetailCode[]];
export const FIX_CODES = fixes.codes as [TFixCode, ...TFixCode[]];

export type TDetail = { detail: string; detailCode: TDetailCode; detailParams?: TParams };
export type TFix = { fix: string; fixCode: TFixCode; fixParams?: TParams };

/** A check's detail: the English, and its code and params for the browser. */
export function detailOf<C extends TDetailCode>(
  code: C,
  ...args: TWordArgs<(typeof DETAILS)[C]>
): TDetail {
  const w = details.words(code, ...args);
  return { detail: w.english, detailCode: code, ...(args[0] ? { detailParams: w.params } : {}) };
}

/** A check's fix: the English, and its code and params for the browser. */
export function fixOf<C extends TFixCode>(code: C, ...args: TWordArgs<(typeof FIXES)[C]>): TFix {
  const w = fixes.words(code, ...args);
  return { fix: w.english, fixCode: code, ...(args[0] ? { fixParams: w.params } : {}) };
}

/** The English of any code with loose params (for tests: the same function the checks use). */
export function englishOf(kind: "detail" | "fix", code: string, params?: TParams): string {
  return (kind === "detail" ? details : fixes).english(code, params ?? {})!;
}

/** The catalogue's values for a code's params: money and durations formatted, the rest as is. */
export function catalogueValues(
  params: TParams | undefined,
  f: TValueFormat,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (isMoneyParam(value)) out[key] = f.money(BigInt(value.minor), value.currency);
    else if (key.endsWith("Ms") && typeof value === "number") {
      out[key.slice(0, -2)] = f.duration(value);
    } else if (typeof value !== "object") out[key] = value;
  }
  return out;
}

type TTranslate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};
type TWorded = {
  id: string;
  title: string;
  detail: string;
  detailCode?: string;
  detailParams?: TParams;
  fix?: string;
  fixCode?: string;
  fixParams?: TParams;
};

/**
 * A check in the person's language, from the "readiness" catalogue (`t` bound to it): the title by
 * id, the detail and fix by code; whatever the catalogue lacks is shown as the server wrote it.
 */
export function wordCheck(
  c: TWorded,
  t: TTranslate,
  f: TValueFormat,
): { title: string; detail: string; fix?: string } {
  const word = (key: string, params: TParams | undefined, english: string) =>
    t.has(key) ? t(key, catalogueValues(params, f)) : english;
  return {
    title: word(`checks.${c.id}`, undefined, c.title),
    detail: c.detailCode ? word(`detail.${c.detailCode}`, c.detailParams, c.detail) : c.detail,
    ...(c.fix !== undefined
      ? { fix: c.fixCode ? word(`fix.${c.fixCode}`, c.fixParams, c.fix) : c.fix }
      : {}),
  };
}
