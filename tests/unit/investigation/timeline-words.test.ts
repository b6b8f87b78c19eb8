import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/investigation.json";
import es from "@/messages/es-CO/investigation.json";
import {
  attemptTitle,
  auditTitle,
  DELAY_REASONS,
  driftTitle,
  policyTitle,
  TIMELINE_AUDIT_ACTIONS,
  TIMELINE_TITLE_CODES,
  timelineTitle,
  type TTimelineTitle,
  type TTimelineTitleCode,
} from "@/lib/investigation/timeline-title";
import { DRIFT_KINDS } from "@/lib/reconcile/list-query";

// The browser words a timeline event's title from its code (investigation catalogue,
// timeline.titles.<code>): in English that must read exactly as the API's own `title`, and every
// code the server can produce has words in both languages. The same for why an attempt waited.
const words = (locale: "en" | "es-CO") =>
  createTranslator({
    locale,
    messages: locale === "en" ? en : es,
    namespace: "timeline",
  });
const word = (locale: "en" | "es-CO", e: TTimelineTitle) =>
  words(locale)(`titles.${e.titleCode}` as "title", e.titleParams);

// Params of every shape each code is written with.
const SAMPLES: TTimelineTitle[] = [
  timelineTitle("created"),
  policyTitle(0, false),
  policyTitle(0, true),
  policyTitle(1, false),
  policyTitle(2, false),
  policyTitle(1, true),
  policyTitle(2, true),
  timelineTitle("approval.approved"),
  timelineTitle("approval.rejected"),
  ...[true, false].flatMap((write) =>
    [1, 2, 3].flatMap((attempt) =>
      [
        { status: 503, errorCode: null },
        { status: 409, errorCode: "idempotency_key_reused" },
        { status: 201, errorCode: null },
        { status: null, errorCode: "timeout" },
        { status: null, errorCode: null },
      ].map((o) =>
        attemptTitle({
          write,
          attempt,
          endpoint: `${write ? "POST" : "GET"} /v1/core/payouts`,
          ...o,
        }),
      ),
    ),
  ),
  timelineTitle("webhook", { type: "payout.settled" }),
  timelineTitle("webhook", { type: "transfer.updated" }),
  ...DRIFT_KINDS.map(driftTitle),
  driftTitle("ledger_gap"),
  timelineTitle("note"),
  timelineTitle("note_edited", { version: 2 }),
  timelineTitle("note_edited", { version: 12 }),
  ...TIMELINE_AUDIT_ACTIONS.map(auditTitle),
  auditTitle("operation.something_new"),
  auditTitle("webhook.reprocessed"),
];

describe("timeline event titles", () => {
  it("every code has words in es-CO and en", () => {
    for (const locale of ["en", "es-CO"] as const) {
      const t = words(locale);
      for (const code of TIMELINE_TITLE_CODES)
        expect(t.has(`titles.${code}` as "title"), `${locale}: titles.${code}`).toBe(true);
    }
  });

  it("the samples cover every code", () => {
    expect(new Set(SAMPLES.map((s) => s.titleCode))).toEqual(new Set(TIMELINE_TITLE_CODES));
  });

  it("read in English exactly as the API's title, and are worded in Spanish", () => {
    for (const s of SAMPLES) {
      expect(word("en", s), s.titleCode).toBe(s.title);
      const spanish = word("es-CO", s);
      expect(spanish.trim()).not.toBe("");
      expect(spanish).not.toContain("{");
    }
  });

  it("keep what is not translated as it is (endpoints, statuses, error codes, webhook types)", () => {
    const a = attemptTitle({
      write: true,
      attempt: 1,
      endpoint: "POST /v1/core/payouts",
      status: 503,
      errorCode: null,
    });
    expect(a.title).toBe("Attempt 1: POST /v1/core/payouts → 503");
    expect(word("es-CO", a)).toBe("Intento 1: POST /v1/core/payouts → 503");
    const r = attemptTitle({
      write: false,
      attempt: 2,
      endpoint: "GET /v1/core/payouts/{id}",
      status: null,
      errorCode: null,
    });
    expect(r.title).toBe("Read (attempt 2): GET /v1/core/payouts/{id} → no response (network)");
    expect(word("es-CO", r)).toBe(
      "Consulta (intento 2): GET /v1/core/payouts/{id} → sin respuesta (network)",
    );
    expect(word("es-CO", timelineTitle("webhook", { type: "payout.settled" }))).toBe(
      "Webhook payout.settled",
    );
    expect(word("es-CO", policyTitle(2, true))).toBe(
      "Política: se necesitan 2 aprobaciones, con confirmación de contraseña",
    );
    expect(word("es-CO", auditTitle("operation.settled"))).toBe("Liquidada");
  });

  it("codes are the catalogue's nested keys, never an unknown one", () => {
    const codes: readonly TTimelineTitleCode[] = TIMELINE_TITLE_CODES;
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain("audit.operation.settled");
    expect(codes).toContain("reconciliation.amount_mismatch");
  });

  it("why an attempt waited: the English words are the API's delayReason", () => {
    for (const locale of ["en", "es-CO"] as const) {
      const t = words(locale);
      for (const [code, english] of Object.entries(DELAY_REASONS)) {
        const w = t(`delayReasons.${code}` as "title");
        if (locale === "en") expect(w).toBe(english);
        else expect(w.trim()).not.toBe("");
      }
    }
  });
});
