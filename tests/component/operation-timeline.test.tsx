import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import { OperationTimeline } from "@/components/investigation/operation-timeline";
import type { TTimeline, TTimelineEvent } from "@/lib/api/resources/investigation";
import { renderWithProviders } from "./render";

// The timeline words each event's title from its code in the reader's language (and why an
// attempt waited), and keeps the server's English for a code the catalogue does not know.
const OP = "op_2pQmZ9xYkLw3VbN7cTfR8s";
const t0 = Date.UTC(2026, 11, 5, 14);
const ev = (i: number, over: Partial<TTimelineEvent>): TTimelineEvent => ({
  at: new Date(t0 + i * 1000).toISOString(),
  kind: "audit",
  title: "",
  titleCode: "",
  titleParams: {},
  actor: null,
  tone: "neutral",
  ids: {},
  details: {},
  ...over,
});
const webhook = (i: number) =>
  ev(i, {
    kind: "webhook",
    title: "Webhook transfer.updated",
    titleCode: "webhook",
    titleParams: { type: "transfer.updated" },
    actor: "Mono",
    details: { processing: "ignored_stale" },
  });

const TIMELINE: TTimeline = {
  operationId: OP,
  state: "accepted",
  truncated: false,
  events: [
    ev(0, {
      kind: "policy",
      title: "Policy: 2 approvals needed, with step-up",
      titleCode: "policy.approvals_step_up",
      titleParams: { count: 2 },
    }),
    ev(1, {
      kind: "attempt",
      title: "Attempt 2: POST /v1/core/payouts → 201",
      titleCode: "attempt",
      titleParams: { attempt: 2, endpoint: "POST /v1/core/payouts", status: "201" },
      details: {
        latencyMs: 120,
        delayBeforeMs: 1_350,
        delayReason: "exponential backoff with jitter",
        delayReasonCode: "backoff",
        observedGapMs: null,
      },
    }),
    webhook(2),
    webhook(3),
    webhook(4),
    ev(5, {
      kind: "state",
      title: "Settled",
      titleCode: "audit.operation.settled",
    }),
    ev(6, { title: "Something new", titleCode: "from_the_future" }),
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("OperationTimeline", () => {
  it("words the titles and the wait in Spanish; English for an unknown code", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) =>
        url.endsWith("/timeline")
          ? Response.json(TIMELINE)
          : Response.json({ operation: { state: "accepted" } }),
      ),
    );
    renderWithProviders(<OperationTimeline operationId={OP} />, { locale: "es-CO" });
    const attempt = await screen.findByTestId("event-attempt");
    expect(attempt.textContent).toContain("Intento 2: POST /v1/core/payouts → 201");
    expect(screen.getByTestId("attempt-delay").textContent).toContain(
      "antes de este intento (espera exponencial con variación aleatoria)",
    );
    expect(screen.getByTestId("event-policy").textContent).toContain(
      "Política: se necesitan 2 aprobaciones, con confirmación de contraseña",
    );
    expect(screen.getByTestId("event-group").textContent).toContain("3 × Webhook transfer.updated");
    expect(screen.getByTestId("event-state").textContent).toContain("Liquidada");
    expect(screen.getByTestId("event-audit").textContent).toContain("Something new");
    const text = screen.getByTestId("timeline").textContent ?? "";
    expect(text).not.toContain("Attempt 2");
    expect(text).not.toContain("backoff");
    expect(text).not.toContain("Settled");
  });
});
