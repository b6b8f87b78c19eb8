import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import type { TLocale } from "@/i18n/locales";
import { moneyParam } from "@/lib/api/error-params";
import { formatDuration, formatMoney } from "@/lib/format/format";
import { checkEnv } from "@/lib/readiness/check-env";
import { readEnv } from "@/lib/env-schema";
import {
  CHECK_IDS,
  CHECK_TITLES,
  DETAIL_CODES,
  ENGLISH_FORMAT,
  FIX_CODES,
  catalogueValues,
  englishOf,
  wordCheck,
  type TParams,
  type TValueFormat,
} from "@/lib/readiness/words";

// The browser words a check by its id and codes (readiness catalogue: checks.<id>, detail.<code>,
// fix.<code>): in English that must read exactly as the server's own title, detail and fix, and
// every id and code has words in both languages.

type TCatalogue = {
  checks: Record<string, string>;
  detail: Record<string, string>;
  fix: Record<string, string>;
};
const catalogue = (locale: TLocale) =>
  JSON.parse(readFileSync(`messages/${locale}/readiness.json`, "utf8")) as TCatalogue;

function translator(locale: TLocale) {
  return createTranslator({
    locale,
    messages: { readiness: catalogue(locale) },
    namespace: "readiness",
  }) as unknown as { (key: string, values?: TParams): string; has(key: string): boolean };
}

// How the browser formats values for a language (components/i18n/use-format.ts).
const formatOf = (locale: TLocale): TValueFormat => ({
  money: (minor, currency) => formatMoney(minor, { locale, currency }),
  duration: (ms) => formatDuration(ms, { locale }),
});

const render = (locale: TLocale, kind: "detail" | "fix", code: string, params?: TParams) =>
  translator(locale)(`${kind}.${code}`, catalogueValues(params, formatOf(locale)));

// Params for every code, with the values that change the words: one and many, thousands,
// cents and negatives, another currency, durations from milliseconds to minutes.
const money = (name: string, minor: number, currency = "COP") => ({
  [name]: moneyParam(minor, currency),
});
const where = ["401", "401 invalid_api_key (log_2Zk8)", "503"];
const DETAIL_SAMPLES: [string, TParams?][] = [
  ["envMissing", { env: "sandbox", vars: "MONO_SANDBOX_API_KEY, NEXTAUTH_SECRET" }],
  ["envProductionBaseUrl", { url: "https://sandbox.mono.example" }],
  ["envOk", { env: "production", url: "https://api.mono.la" }],
  [
    "envNoIssuedAt",
    { env: "sandbox", url: "http://127.0.0.1:4010", variable: "MONO_SANDBOX_KEY_ISSUED_AT" },
  ],
  ["envNoBatchKey", { env: "sandbox", url: "http://127.0.0.1:4010" }],
  [
    "envNoIssuedAtNoBatchKey",
    { env: "production", url: "https://api.mono.la", variable: "MONO_PRODUCTION_KEY_ISSUED_AT" },
  ],
  ...[
    [1, 1],
    [0, 2],
    [1234, 10],
  ].map(([banking, ledger]): [string, TParams] => ["accountsListed", { banking, ledger }]),
  [
    "balancesRead",
    {
      accountId: "acc_3Yq2",
      ledgerId: "lacc_9Pz1",
      ...money("account", 123_456_789_01),
      ...money("ledger", -5_000_50, "USD"),
    },
  ],
  ["accountBalanceRead", { accountId: "acc_3Yq2", ...money("account", 0) }],
  ["ledgerBalanceRead", { ledgerId: "lacc_9Pz1", ...money("ledger", 99) }],
  ["noActiveAccount"],
  ...[0, 1, 57, 1200].map((count): [string, TParams] => ["banksListed", { count }]),
  ["notRunUnconfigured"],
  ["notRunCredentials"],
  ["monoConfigMissing", { env: "production", vars: "MONO_PRODUCTION_API_KEY" }],
  ["monoConfig", { problems: "something odd; another" }],
  ...where.map((w): [string, TParams] => ["monoKeyRefused", { where: w }]),
  ...where.map((w): [string, TParams] => ["monoRoleMissing", { where: w }]),
  ...where.map((w): [string, TParams] => ["monoAnswered", { where: w }]),
  ["monoNetwork", { kind: "connect_timeout" }],
  ["monoCircuitOpen"],
  ["monoShape", { issues: "accounts: Required; pagination: Required" }],
  ["error", { message: "boom" }],
  ["webhookNoSecret"],
  ["webhookRoundTrip"],
  ["webhookVerified"],
  ["webhookVerifiedRotation"],
  ["clockNoDate"],
  ...[0, 420, 2_500, 61_000, 3_725_000].flatMap((skewMs): [string, TParams][] => [
    ["clockBehind", { skewMs }],
    ["clockAhead", { skewMs }],
  ]),
  ["keyAgeUnset"],
  ["keyAgeOverLimit", { days: 91, limit: 90 }],
  ["keyAgeOverLimit", { days: 1, limit: 1 }],
  ["keyAgeNearLimit", { days: 85, warnAt: 80 }],
  ...[0, 1, 2, 1500].map((days): [string, TParams] => ["keyAgeOk", { days }]),
  ["migrationsNoDir"],
  ["migrationsNotApplied", { count: 2, names: "20260101_a, 20260102_b" }],
  ...[1, 3].map((count): [string, TParams] => [
    "migrationsUnknown",
    { count, names: "20270101_future" },
  ]),
  ["migrationsOk", { count: 1042, latest: "20261205090000_reconciliation_heartbeat" }],
  ["migrationsUnreadable", { reason: 'relation "_prisma_migrations" does not exist' }],
];
const FIX_SAMPLES: [string, TParams?][] = [
  ["envSetMissing", { vars: "MONO_WEBHOOK_SECRET" }],
  ["envProductionBaseUrl"],
  ["envSetNamed"],
  ["monoConfig"],
  ["monoKeyRefused"],
  ["monoRoleMissing"],
  ["monoRetry"],
  ["monoNetwork"],
  ["monoCircuitOpen", { waitMs: 30_000 }],
  ["monoCircuitOpen", { waitMs: 90_000 }],
  ["monoShape"],
  ["seeLogs"],
  ["activateAccount"],
  ["webhookSetSecret"],
  ["webhookCheckSecret"],
  ["clockNtp", { toleranceMs: 300_000 }],
  ["keyAgeSetIssuedAt"],
  ["keyAgeRotate", { max: 90 }],
  ["keyAgeRotate", { max: 1 }],
  ["migrationsRunFromRoot"],
  ["migrationsDeploy"],
  ["migrationsDeployMatchingCode"],
  ["migrationsCheckDatabase"],
];

describe("readiness words", () => {
  it("every check id and every code has words in es-CO and en, and nothing else", () => {
    for (const locale of ["en", "es-CO"] as const) {
      const c = catalogue(locale);
      expect(Object.keys(c.checks).sort()).toEqual([...CHECK_IDS].sort());
      expect(Object.keys(c.detail).sort()).toEqual([...DETAIL_CODES].sort());
      expect(Object.keys(c.fix).sort()).toEqual([...FIX_CODES].sort());
    }
  });

  it("titles read in English exactly as the server's", () => {
    for (const id of CHECK_IDS) expect(translator("en")(`checks.${id}`)).toBe(CHECK_TITLES[id]);
  });

  for (const [kind, samples, codes] of [
    ["detail", DETAIL_SAMPLES, DETAIL_CODES],
    ["fix", FIX_SAMPLES, FIX_CODES],
  ] as const)
    it(`every ${kind} reads in English exactly as the server's, and in Spanish in full`, () => {
      for (const [code, params] of samples) {
        const english = englishOf(kind, code, params);
        expect(render("en", kind, code, params), `${kind}.${code}`).toBe(english);
        const spanish = render("es-CO", kind, code, params);
        expect(spanish, `${kind}.${code} in es-CO`).not.toBe("");
        expect(spanish).not.toMatch(/[{}]/);
        expect(spanish).not.toBe(`readiness.${kind}.${code}`);
      }
      expect([...new Set(samples.map(([code]) => code))].sort()).toEqual([...codes].sort());
    });

  it("amounts are money and durations are durations, in both languages; never raw minor units", () => {
    const [, params] = DETAIL_SAMPLES.find(([code]) => code === "balancesRead")!;
    const english = englishOf("detail", "balancesRead", params);
    expect(english).toBe(
      "Live balances read — acc_3Yq2: $ 123.456.789,01, lacc_9Pz1: -USD 5.000,50",
    );
    const spanish = render("es-CO", "detail", "balancesRead", params);
    expect(spanish).toBe(
      "Saldos leídos en vivo — acc_3Yq2: $ 123.456.789,01, lacc_9Pz1: -USD 5.000,50",
    );
    expect(spanish).not.toContain("12345678901");
    expect(englishOf("detail", "clockBehind", { skewMs: 2_500 })).toBe(
      "Our clock is 2.5 sec behind Mono's",
    );
    expect(render("es-CO", "detail", "clockBehind", { skewMs: 2_500 })).toBe(
      "Nuestro reloj va 2,5 s atrasado respecto al de Mono",
    );
    expect(render("es-CO", "detail", "banksListed", { count: 1200 })).toBe("1.200 bancos");
    expect(englishOf("detail", "banksListed", { count: 1 })).toBe("1 bank");
  });

  it("the English values are formatted as the browser formats them in English", () => {
    expect(catalogueValues({ a: moneyParam(150), waitMs: 30_000, n: 3 }, formatOf("en"))).toEqual(
      catalogueValues({ a: moneyParam(150), waitMs: 30_000, n: 3 }, ENGLISH_FORMAT),
    );
  });

  it("the browser's wording of a check: by id and code, else as the server wrote it", () => {
    const env = readEnv({ NEXTAUTH_SECRET: "x".repeat(32), MONO_WEBHOOK_SECRET: "whsec_12345678" });
    const c = checkEnv(env);
    expect(c.detailCode).toBe("envMissing");
    expect(wordCheck(c, translator("en"), formatOf("en"))).toEqual({
      title: c.title,
      detail: c.detail,
      fix: c.fix,
    });
    expect(wordCheck(c, translator("es-CO"), formatOf("es-CO"))).toEqual({
      title: "Entorno completo",
      detail: "MONO_ENV=sandbox; faltan: MONO_SANDBOX_API_KEY",
      fix: "Defina MONO_SANDBOX_API_KEY en el entorno (desde su gestor de secretos, no en un archivo .env versionado).",
    });
    // A catalogue without the words (an older browser bundle, a new code): the server's English.
    const empty = createTranslator({
      locale: "es-CO",
      messages: { readiness: {} },
      namespace: "readiness",
    }) as unknown as Parameters<typeof wordCheck>[1];
    const unknown = { ...c, id: "new_check", detailCode: "nope", fixCode: "nope" };
    expect(wordCheck(unknown, empty, formatOf("es-CO"))).toEqual({
      title: c.title,
      detail: c.detail,
      fix: c.fix,
    });
  });

  it("the environment check's English is unchanged for readers of the API (base URL)", () => {
    const c = checkEnv(
      readEnv({
        NEXTAUTH_SECRET: "x".repeat(32),
        MONO_WEBHOOK_SECRET: "whsec_12345678",
        MONO_SANDBOX_API_KEY: "sk_sandbox_12345678",
      }),
    );
    expect(c.detail).toBe(
      "MONO_ENV=sandbox, base URL http://127.0.0.1:4010; MONO_SANDBOX_KEY_ISSUED_AT is not set (key age cannot be tracked); no separate batch API key: batch traffic shares the interactive key",
    );
    expect(c.detailParams).toEqual({
      env: "sandbox",
      url: "http://127.0.0.1:4010",
      variable: "MONO_SANDBOX_KEY_ISSUED_AT",
    });
  });
});
