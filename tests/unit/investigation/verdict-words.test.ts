import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import {
  decideVerdict,
  notAllowedText,
  VERDICT_CODES,
  type TRetryFacts,
  type TVerdict,
} from "@/lib/investigation/retry-verdict";
import {
  MONO_EVIDENCE,
  monoEvidence,
  PAYLOAD_REASONS,
  payloadReason,
  type TMonoEvidence,
  type TPayloadReason,
  type TWorded,
} from "@/lib/investigation/recovery-words";
import en from "@/messages/en/investigation.json";
import es from "@/messages/es-CO/investigation.json";

// "Safe to retry?" is worded in the browser from codes (recovery.verdicts, payloadReasons and
// evidence in the "investigation" catalogue): in English that must read exactly as the API's own
// sentences, for every verdict branch and every reason and piece of evidence, and every code has
// words in both languages.
const CATALOGUES = { en, "es-CO": es } as const;
const words = (locale: keyof typeof CATALOGUES) =>
  createTranslator({
    locale,
    messages: CATALOGUES[locale],
    namespace: "recovery",
    onError: (e) => {
      throw e;
    },
  });
const verdictParams = (v: TVerdict) =>
  Object.fromEntries(Object.entries(v.params).filter(([, x]) => x !== undefined)) as Record<
    string,
    string
  >;

// Every combination of facts: each branch of decideVerdict, with each of its values.
function everyVerdict(): TVerdict[] {
  const out: TVerdict[] = [];
  for (const state of ["needs_attention", "sending", "settled", "pending_approval"])
    for (const leaseActive of [true, false])
      for (const neverSent of [true, false])
        for (const insideWindow of [true, false])
          for (const payloadMatches of [true, false])
            for (const monoHasIt of ["yes", "no", "unknown"] as const) {
              const f: TRetryFacts = {
                state,
                leaseActive,
                neverSent,
                insideWindow,
                payloadMatches,
                monoHasIt,
              };
              out.push(decideVerdict(f));
            }
  return out;
}

const REASON_SAMPLES: TWorded<TPayloadReason>[] = [
  payloadReason.fingerprintChanged(),
  payloadReason.monoRefusedReuse("req_2pQmZ9xYkLw3VbN7cTfR8sHjUaE", null),
  payloadReason.monoRefusedReuse("req_2pQmZ9xYkLw3VbN7cTfR8sHjUaE", "log_9f8e7d6c5b4a"),
  payloadReason.bodiesDiffer(1, "stored"),
  payloadReason.bodiesDiffer(2, "stored"),
  payloadReason.bodiesDiffer(1, "first"),
  payloadReason.bodiesDiffer(200, "first"),
  payloadReason.consolePayloadsDiffer(),
];

const EVIDENCE_SAMPLES: TWorded<TMonoEvidence>[] = [
  monoEvidence.lookupFailed("Mono answered 503 service_unavailable (log_123)"),
  monoEvidence.payoutFound("cpout_1a2B3c", "mops-op_4d5E6f", "approved"),
  monoEvidence.neverSent(),
  monoEvidence.tooManyCandidates(25),
  monoEvidence.holdMatches("ltx_7g8H", "acc_9i0J", "cpout_1a2B3c", "settled"),
  monoEvidence.holdsRead("acc_9i0J", "2026-12-05T14:25:31.000Z", 1234, 3, "mops-op_4d5E6f"),
  monoEvidence.holdsRead("acc_9i0J", "2026-12-05T14:25:31.000Z", null, 0, "mops-op_4d5E6f"),
  monoEvidence.noHoldIfRefused(),
  monoEvidence.tooManyHolds(5000),
  monoEvidence.noTransferRows(),
  monoEvidence.transferFound("mops-op_4d5E6f-1", "trf_2k3L", "bat_4m5N", "in_progress"),
  monoEvidence.transferNone("mops-op_4d5E6f-2"),
];

describe("the safe-to-retry verdict's words", () => {
  it("read in English exactly as the API's headline and why, for every branch", () => {
    const t = words("en");
    const seen = new Set<string>();
    for (const v of everyVerdict()) {
      seen.add(`${v.code} ${JSON.stringify(v.params)}`);
      expect(t(`verdicts.${v.code}.headline`, verdictParams(v))).toBe(v.headline);
      expect(t(`verdicts.${v.code}.why`, verdictParams(v))).toBe(v.why);
      expect(t("notAllowed", { headline: v.headline })).toBe(notAllowedText(v));
    }
    // Each branch was met, with each value of its params.
    expect([...seen].sort()).toEqual([
      "already_at_mono {}",
      "in_flight {}",
      'not_applicable {"state":"pending_approval"}',
      'not_applicable {"state":"settled"}',
      "payload_mismatch {}",
      'reconcile_first {"mono":"no"}',
      'reconcile_first {"mono":"unknown"}',
      'retry_same_key {"mono":"no"}',
      'retry_same_key {"mono":"unknown"}',
    ]);
  });

  it("read in Spanish for every branch", () => {
    const t = words("es-CO");
    for (const v of everyVerdict()) {
      expect(t(`verdicts.${v.code}.headline`, verdictParams(v))).not.toBe(v.headline);
      expect(t(`verdicts.${v.code}.why`, verdictParams(v)).length).toBeGreaterThan(10);
    }
  });

  it("every code has words in es-CO and en", () => {
    for (const locale of ["en", "es-CO"] as const) {
      const r = CATALOGUES[locale].recovery;
      expect(Object.keys(r.verdicts).sort()).toEqual([...VERDICT_CODES].sort());
      for (const code of VERDICT_CODES)
        expect(Object.keys(r.verdicts[code]).sort()).toEqual(["headline", "why"]);
      expect(Object.keys(r.payloadReasons).sort()).toEqual([...PAYLOAD_REASONS].sort());
      expect(Object.keys(r.evidence).sort()).toEqual([...MONO_EVIDENCE].sort());
    }
  });
});

describe("the payload reasons' and Mono evidence's words", () => {
  it("cover every code", () => {
    expect([...new Set(REASON_SAMPLES.map((r) => r.code))].sort()).toEqual(
      [...PAYLOAD_REASONS].sort(),
    );
    expect([...new Set(EVIDENCE_SAMPLES.map((r) => r.code))].sort()).toEqual(
      [...MONO_EVIDENCE].sort(),
    );
  });

  it("read in English exactly as the API's sentences, and in Spanish", () => {
    const [t, tEs] = [words("en"), words("es-CO")];
    for (const r of REASON_SAMPLES) {
      expect(t(`payloadReasons.${r.code}`, r.params)).toBe(r.text);
      expect(tEs(`payloadReasons.${r.code}`, r.params)).not.toBe("");
    }
    for (const e of EVIDENCE_SAMPLES) {
      expect(t(`evidence.${e.code}`, e.params)).toBe(e.text);
      expect(tEs(`evidence.${e.code}`, e.params)).not.toBe("");
    }
    // Spanish plural and the "all" of an unknown total.
    expect(tEs("payloadReasons.bodies_differ", payloadReason.bodiesDiffer(2, "first").params)).toBe(
      "2 cuerpos enviados y registrados difieren del primero que se envió",
    );
    expect(tEs("evidence.holds_read", EVIDENCE_SAMPLES[6].params)).toContain("(todas)");
  });
});
