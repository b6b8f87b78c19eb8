import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen } from "@testing-library/react";
import { SafeToRetryPanel } from "@/components/investigation/safe-to-retry-panel";
import type { TSafeToRetry } from "@/lib/api/resources/investigation";
import { renderWithProviders } from "./render";

// "Safe to retry?" words the verdict, the payload reasons and Mono's evidence from their codes in
// the person's language, keeps the server's English for a code the catalogue lacks, and words a
// refusal by the fresh verdict from its code too.
const OP = "op_2pQmZ9xYkLw3VbN7cTfR8s";
const SINCE = "2026-12-05T14:25:31.000Z";

const MISMATCH: TSafeToRetry = {
  operationId: OP,
  facts: {
    state: "needs_attention",
    leaseActive: false,
    neverSent: false,
    insideWindow: false,
    payloadMatches: false,
    monoHasIt: "no",
    windowEndsAt: SINCE,
    windowLeftMs: 0,
    lockedUntil: null,
    attemptCount: 2,
    lastErrorCode: "idempotency_key_reused",
  },
  mono: {
    presence: "no",
    evidence: [
      `Read every payout hold on acc_1 since ${SINCE} (all); 0 of a similar amount, none with external_id mops-op_1`,
      "Something a newer server found",
    ],
    evidenceCodes: [
      {
        code: "holds_read",
        params: {
          accountId: "acc_1",
          since: SINCE,
          total: "all",
          fetched: "0",
          externalId: "mops-op_1",
        },
      },
      // A code from a newer server: the browser shows the English.
      { code: "not_a_code" as never, params: {} },
    ],
  },
  payloadReasons: [
    "Mono refused req_1 (log_1): idempotency_key_reused",
    "2 logged request bodies differ from the stored operation body",
  ],
  payloadReasonCodes: [
    { code: "mono_refused_reuse_logged", params: { requestId: "req_1", monoLogId: "log_1" } },
    { code: "bodies_differ", params: { count: 2, baseline: "stored" } },
  ],
  verdict: {
    code: "payload_mismatch",
    params: {},
    headline: "Do not retry: the payload differs",
    why: "The body stored for this key no longer matches what was sent (see the key inspector's diff). Mono would refuse it (409) inside the window, or treat it as new outside it.",
    allowed: ["reconcile", "mark_failed"],
  },
};

function stubApi(verdict: TSafeToRetry, post?: () => Response) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.endsWith("/timeline"))
      return Response.json({
        operationId: OP,
        state: "needs_attention",
        events: [],
        truncated: false,
      });
    if (init?.method === "POST" && post) return post();
    return Response.json(verdict);
  });
  vi.stubGlobal("fetch", fetchMock);
}

afterEach(() => vi.unstubAllGlobals());

describe("SafeToRetryPanel", () => {
  it("words the verdict, the reasons and the evidence in Spanish; English for an unknown code", async () => {
    stubApi(MISMATCH);
    renderWithProviders(<SafeToRetryPanel operationId={OP} canRecover />, { locale: "es-CO" });
    expect((await screen.findByTestId("verdict")).textContent).toBe(
      "No reintente: el cuerpo cambió",
    );
    const panel = screen.getByTestId("safe-to-retry");
    expect(panel.textContent).toContain("El cuerpo guardado para esta clave ya no coincide");
    expect(panel.textContent).toContain(
      "Mono rechazó req_1 (log_1): idempotency_key_reused; 2 cuerpos enviados y registrados difieren del cuerpo guardado de la operación",
    );
    expect(panel.textContent).toContain("Se leyeron todas las retenciones de pagos en acc_1 desde");
    expect(panel.textContent).toContain("(todas)");
    expect(panel.textContent).not.toContain(SINCE); // the date is formatted for the reader
    expect(panel.textContent).toContain("Something a newer server found");
    expect(panel.textContent).not.toContain("Do not retry");
  });

  it("keeps the server's English for a verdict the catalogue does not know", async () => {
    stubApi({
      ...MISMATCH,
      verdict: { ...MISMATCH.verdict, code: "from_the_future" as never, headline: "Hold on" },
    });
    renderWithProviders(<SafeToRetryPanel operationId={OP} canRecover />, { locale: "es-CO" });
    expect((await screen.findByTestId("verdict")).textContent).toBe("Hold on");
  });

  it("words a refusal by the fresh verdict from its code", async () => {
    stubApi(
      {
        ...MISMATCH,
        verdict: {
          code: "retry_same_key",
          params: { mono: "unknown" },
          headline: "Safe to retry with the same key",
          why: "…",
          allowed: ["retry_same_key", "reconcile"],
        },
      },
      () =>
        Response.json(
          {
            code: "state_conflict",
            detail: "Not allowed now: Reconcile first",
            status: 409,
            request_id: "req_9",
            meta: {
              verdict: "reconcile_first",
              verdictParams: { mono: "unknown" },
              allowed: ["reconcile"],
            },
          },
          { status: 409 },
        ),
    );
    renderWithProviders(<SafeToRetryPanel operationId={OP} canRecover />, { locale: "es-CO" });
    fireEvent.click(await screen.findByRole("button", { name: "Reintentar con la misma clave" }));
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "Mono was down" } });
    fireEvent.click(screen.getByRole("button", { name: "Confirmar" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Ya no está permitido: Concilie primero");
    expect(alert.textContent).not.toContain("Not allowed now");
  });
});
