import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { ReadinessReport } from "@/components/readiness/readiness-report";
import type { TReadinessReport } from "@/lib/api/resources/health";
import { renderWithProviders } from "./render";

// The Readiness page words each check in the person's language from its id and codes (amounts as
// money, durations as durations), and shows the server's English for what the catalogue lacks.
const REPORT: TReadinessReport = {
  environment: "sandbox",
  at: "2026-12-04T17:05:09.000Z",
  ok: false,
  checks: [
    {
      id: "balances",
      title: "Balances readable",
      status: "pass",
      detail: "Live balances read — acc_1: $ 1.234,56",
      detailCode: "accountBalanceRead",
      detailParams: { accountId: "acc_1", account: { minor: "123456", currency: "COP" } },
      ms: 2500,
    },
    {
      id: "clock",
      title: "Clock skew",
      status: "warn",
      detail: "Our clock is 7.5 sec ahead of Mono's",
      detailCode: "clockAhead",
      detailParams: { skewMs: 7500 },
      fix: "Enable NTP (chrony / systemd-timesyncd) on the host: signatures allow 5 min, and idempotency windows depend on time.",
      fixCode: "clockNtp",
      fixParams: { toleranceMs: 300_000 },
    },
    {
      id: "future_check",
      title: "A check this browser does not know",
      status: "fail",
      detail: "Something the server said",
      // A code from a newer server: the browser shows the English.
      detailCode: "notACode" as never,
      fix: "Do the thing.",
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("ReadinessReport", () => {
  it("words checks by id and code in Spanish, and falls back to the server's English", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json(REPORT)),
    );
    renderWithProviders(<ReadinessReport />, { locale: "es-CO" });
    const rows = await screen.findAllByTestId("readiness-check");
    expect(rows).toHaveLength(3);
    const [balances, clock, future] = rows;
    expect(within(balances).getByText("Saldos legibles")).toBeTruthy();
    expect(within(balances).getByText("Saldo leído en vivo — acc_1: $ 1.234,56")).toBeTruthy();
    expect(balances.textContent).not.toContain("123456");
    expect(
      within(clock).getByText("Nuestro reloj va 7,5 s adelantado respecto al de Mono"),
    ).toBeTruthy();
    expect(clock.textContent).toContain(
      "Active NTP (chrony / systemd-timesyncd) en el servidor: las firmas admiten 5 min",
    );
    expect(within(future).getByText("A check this browser does not know")).toBeTruthy();
    expect(within(future).getByText("Something the server said")).toBeTruthy();
    expect(future.textContent).toContain("Do the thing.");
  });
});
