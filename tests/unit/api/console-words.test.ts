import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { TDetailWords } from "@/lib/api/app-error";
import {
  CONSOLE_DETAIL_CODES,
  CONSOLE_FIELD_CODES,
  consoleFieldError,
  consoleWords,
  type TConsoleCode,
  type TThing,
} from "@/lib/api/console-words";
import { paramValues } from "@/lib/api/error-params";
import { fieldErrorMap } from "@/lib/api/field-issue";
import { mapDbError } from "@/lib/api/map-db-error";
import { ZRevealInput } from "@/lib/api/resources/reveal";
import { fieldErrors } from "@/lib/api/zod-errors";
import { ZDecisionInput } from "@/lib/operations/schemas";
import en from "@/messages/en/errors.json";
import es from "@/messages/es-CO/errors.json";
import {
  errorWords,
  expectEveryCodeSame,
  expectSameWords,
  fieldSame,
} from "@/tests/support/error-words";
import { OPERATION_STATES } from "@/lib/operations/list-filters";

// The console's own refusals (database errors, operations, investigation, notes, beneficiaries,
// users, saved views, step-up, alerts, reconciliation, webhooks, metrics) carry a stable code and params beside their English detail. The browser
// words them from the catalogue (errors.details.<code>, errors.fields.<code>): in English that
// reads exactly as the server's words, and every code has words in both languages.

const STATES = OPERATION_STATES;
const THINGS: TThing[] = [
  "operation",
  "payout",
  "note",
  "beneficiary",
  "user",
  "view",
  "request",
  "webhook",
  "finding",
  "alert",
];
const ALERT_STATES = ["open", "acknowledged", "resolved"];
// Free text as a param: substituted, never parsed as a message.
const text = fc.string({ minLength: 1, maxLength: 40 });
const count = fc.integer({ min: 0, max: 1_000_000 });

const params: Partial<Record<TConsoleCode, fc.Arbitrary<Record<string, unknown>>>> = {
  no_such: fc.record({ thing: fc.constantFrom(...THINGS) }),
  unknown_source_account: fc.record({ account: text }),
  cannot_retry_in_state: fc.record({ state: fc.constantFrom(...STATES) }),
  not_awaiting_approval: fc.record({ state: fc.constantFrom(...STATES) }),
  payout_not_editable: fc.record({ state: fc.constantFrom(...STATES) }),
  cannot_cancel_in_state: fc.record({ state: fc.constantFrom(...STATES) }),
  step_up_for_amount: fc.record({ minutes: count }),
  note_changed: fc.record({ version: count }),
  view_name_taken: fc.record({ name: text }),
  password_locked: fc.record({ minutes: count }),
  alert_already: fc.record({ state: fc.constantFrom(...ALERT_STATES, "brand_new") }),
  reconciliation_in_progress: fc.record({ run: text }),
};

const anyWords = (code: TConsoleCode, p: Record<string, unknown>) =>
  (consoleWords as (c: TConsoleCode, p: Record<string, unknown>) => TDetailWords)(code, p);

describe("the console's refusal words", () => {
  it("every detail code and field code has words in both catalogues", () => {
    for (const cat of [en, es]) {
      for (const code of CONSOLE_DETAIL_CODES) expect(cat.details).toHaveProperty(code);
      for (const code of CONSOLE_FIELD_CODES) expect(cat.fields).toHaveProperty(code);
    }
  });

  it("reads in English exactly as the server's detail, for every code and any params", () => {
    expectEveryCodeSame(CONSOLE_DETAIL_CODES, params, anyWords);
  });

  it("keeps the sentences the API has always sent", () => {
    expect(consoleWords("no_such", { thing: "operation" }).english).toBe("No such operation");
    expect(consoleWords("unknown_source_account", { account: "acc_1" }).english).toBe(
      "Mono does not know the source account acc_1",
    );
    expect(consoleWords("operation_changed_meanwhile").english).toBe(
      "The operation changed state meanwhile: reload it",
    );
    expect(consoleWords("step_up_for_amount", { minutes: 15 }).english).toBe(
      "Re-enter your password to approve amounts this large (valid 15 minutes)",
    );
    expect(consoleWords("view_name_taken", { name: "Mine {x}" }).english).toBe(
      'You already have a view named "Mine {x}" on this list',
    );
    expect(consoleWords("no_such", { thing: "webhook" }).english).toBe("No such webhook event");
    expect(consoleWords("no_such", { thing: "alert" }).english).toBe("No such alert");
    expect(consoleWords("no_such", { thing: "finding" }).english).toBe("No such finding");
    expect(consoleWords("password_locked", { minutes: 15 }).english).toBe(
      "Too many wrong passwords: the account is locked for up to 15 minutes",
    );
    expect(consoleWords("alert_already", { state: "acknowledged" }).english).toBe(
      "The alert is already acknowledged",
    );
    expect(consoleWords("reconciliation_in_progress", { run: "rec_1" }).english).toBe(
      "Reconciliation run rec_1 is still in progress",
    );
    expect(consoleWords("other_reconciliation_in_progress").english).toBe(
      "Another reconciliation run is still in progress",
    );
    expect(consoleWords("metrics_token_required").english).toBe(
      "Send Authorization: Bearer <METRICS_TOKEN>",
    );
  });

  it("Spanish names the thing and the state", () => {
    const es = (d: TDetailWords) => errorWords("es-CO", "details")(d.code, paramValues(d.params)!);
    expect(es(consoleWords("no_such", { thing: "payout" }))).toBe("No existe ese pago");
    expect(es(consoleWords("cannot_cancel_in_state", { state: "settled" }))).toBe(
      "La operación está en estado «liquidada» y ya no se puede cancelar",
    );
    expect(es(consoleWords("cannot_retry_in_state", { state: "brand_new" }))).toBe(
      "Una operación en estado «brand_new» no se puede reintentar",
    );
    expect(es(consoleWords("mono_lacks_operation"))).toBe("Mono no tiene esta operación");
    expect(es(consoleWords("no_such", { thing: "webhook" }))).toBe(
      "No existe ese evento de webhook",
    );
    expect(es(consoleWords("no_such", { thing: "alert" }))).toBe("No existe esa alerta");
    expect(es(consoleWords("alert_already", { state: "resolved" }))).toBe(
      "La alerta ya está resuelta",
    );
    expect(es(consoleWords("password_locked", { minutes: 15 }))).toBe(
      "Demasiadas contraseñas incorrectas: la cuenta queda bloqueada hasta por 15 minutos",
    );
    expect(es(consoleWords("metrics_token_required"))).toBe(
      "Envía Authorization: Bearer <METRICS_TOKEN>",
    );
  });

  it("the console's field errors read the same", () => {
    fieldSame(consoleFieldError("/sourceAccountId", "unknown_at_mono", {}));
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z_]{1,30}$/), (mono_code) => {
        fieldSame(consoleFieldError("/key", "breb_key_not_resolved", { mono_code }));
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (minimum) => {
        fieldSame(consoleFieldError("/reason", "say_why", { minimum }));
        fieldSame(consoleFieldError("/comment", "say_why_reject", { minimum }));
      }),
      { numRuns: 30 },
    );
  });

  it("a schema's own rule carries its field code, not a marked schema message", () => {
    const errorsOf = (schema: z.ZodType, input: unknown) => {
      const r = schema.safeParse(input, { error: fieldErrorMap, reportInput: true });
      if (r.success) throw new Error(`${JSON.stringify(input)} was accepted`);
      return fieldErrors(r.error);
    };
    const [why] = errorsOf(ZRevealInput, { reason: "  abc  " });
    expect(why).toEqual({
      path: "/reason",
      message: "Say why (at least 5 characters)",
      code: "say_why",
      params: { minimum: 5 },
    });
    expect(fieldSame(why)).toBe("Explica el motivo (mínimo 5 caracteres)");
    expect(errorsOf(ZRevealInput, { reason: "x".repeat(501) })[0].code).toBe("too_long");
    expect(errorsOf(ZRevealInput, {})[0].code).toBe("required");

    const [reject] = errorsOf(ZDecisionInput, {
      decision: "rejected",
      fingerprint: "a".repeat(64),
    });
    expect(reject).toMatchObject({ path: "/comment", code: "say_why_reject" });
    expect(reject.schema_message).toBeUndefined();
    fieldSame(reject);
    // A plain refinement is still "custom".
    expect(
      errorsOf(
        z.string().refine(() => false),
        "x",
      )[0].code,
    ).toBe("custom");
  });

  it("database errors are worded", () => {
    for (const code of ["23505", "23503", "23514", "23502", "40P01", "22P02", "55P03", "57014"]) {
      const e = mapDbError({ code })!;
      expect(e.extra.detail?.code, code).toMatch(/^db_/);
      expectSameWords("details", e.extra.detail!.code, e.extra.detail!.params, e.message);
    }
    expect(mapDbError({ code: "55P03" })!.extra.headers).toEqual({ "retry-after": "1" });
    const missing = mapDbError({ name: "PrismaClientKnownRequestError", code: "P2025" })!;
    expect([missing.code, missing.message]).toEqual(["not_found", "The record does not exist"]);
  });
});
