import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { ErrorNote } from "@/components/ui/error-note";
import { GuardProblem } from "@/components/operations/guard-problem";
import { ApiError, type TApiProblem } from "@/components/api-client";
import type { TFieldProblem } from "@/components/forms/validation-text";
import { renderWithProviders } from "./render";

// An API error in the person's language: the detail and each field's problem are worded from their
// stable codes and params (errors.details.*, errors.fields.*), the server's English otherwise.

const problem = (over: Partial<TApiProblem>) =>
  new ApiError({
    code: "validation_failed",
    detail: "",
    status: 400,
    request_id: "req_1",
    ...over,
  });

const fields = (xs: TFieldProblem[]): TApiProblem["errors"] => xs;

const validation = problem({
  detail: "The request body is invalid",
  meta: { detail_code: "invalid_input", detail_params: { where: "body" } },
  errors: fields([
    {
      path: "/reason",
      message: "At most 500 characters",
      code: "too_long",
      params: { maximum: 500 },
    },
    { path: "/role", message: "Required", code: "required", params: {} },
    {
      path: "/isAdmin",
      message: "Unknown field: isAdmin",
      code: "unrecognized_keys",
      params: { keys: "isAdmin", count: 1 },
    },
    // The schema's own words: shown as the forms show them (forms.validation).
    {
      path: "/beneficiary/bankCode",
      message: "A 4-digit bank code",
      code: "invalid_format",
      params: { format: "regex", text: "" },
      schema_message: true,
    },
    // A code this browser has no words for: the server's English.
    { path: "/x", message: "Something new", code: "brand_new", params: {} },
  ]),
});

const refusal = problem({
  code: "unprocessable",
  status: 422,
  detail:
    "The source account cannot cover this amount plus fees: $ 2.500.000 needed, $ 1.000.000,50 available ($ 1.499.999,50 short)",
  meta: {
    reason: "insufficient_balance",
    available: 100_000_050,
    required: 250_000_000,
    shortfall: 149_999_950,
    detail_code: "insufficient_balance",
    detail_params: {
      available: { minor: "100000050", currency: "COP" },
      required: { minor: "250000000", currency: "COP" },
      shortfall: { minor: "149999950", currency: "COP" },
    },
  },
  errors: fields([
    {
      path: "/amount",
      message: "Insufficient balance: $ 1.499.999,50 short",
      code: "insufficient_balance",
      params: { shortfall: { minor: "149999950", currency: "COP" } },
    },
  ]),
});

const items = () => screen.getAllByRole("listitem").map((li) => li.textContent);

describe("ErrorNote", () => {
  it("words a validation error's fields in Spanish", () => {
    renderWithProviders(<ErrorNote error={validation} />, { locale: "es-CO" });
    expect(screen.getByText("Algunos campos no son válidos.")).toBeTruthy();
    expect(screen.getByTestId("error-detail").textContent).toBe(
      "El cuerpo de la solicitud no es válido",
    );
    expect(items()).toEqual([
      "/reason: Máximo 500 caracteres",
      "/role: Obligatorio",
      "/isAdmin: Campo desconocido: isAdmin",
      "/beneficiary/bankCode: Un código de banco de 4 dígitos",
      "/x: Something new",
    ]);
  });

  it("reads in English as the server wrote it", () => {
    renderWithProviders(<ErrorNote error={validation} />);
    expect(screen.getByTestId("error-detail").textContent).toBe("The request body is invalid");
    expect(items()).toEqual([
      "/reason: At most 500 characters",
      "/role: Required",
      "/isAdmin: Unknown field: isAdmin",
      "/beneficiary/bankCode: A 4-digit bank code",
      "/x: Something new",
    ]);
  });

  it("words a guard refusal in Spanish, amounts written as money", () => {
    renderWithProviders(<ErrorNote error={refusal} />, { locale: "es-CO" });
    expect(screen.getByText("Las reglas de control lo rechazaron.")).toBeTruthy();
    expect(screen.getByTestId("error-detail").textContent).toBe(
      "La cuenta de origen no cubre este monto más las comisiones: se necesitan $ 2.500.000 y hay $ 1.000.000,50 disponibles (faltan $ 1.499.999,50)",
    );
    expect(items()).toEqual(["/amount: Saldo insuficiente: faltan $ 1.499.999,50"]);
  });

  it("falls back to the server's English when the params are not of the shape", () => {
    const odd = problem({
      code: "unprocessable",
      status: 422,
      detail: "The English detail",
      meta: { detail_code: "insufficient_balance", detail_params: { available: [1] } },
    });
    renderWithProviders(<ErrorNote error={odd} />, { locale: "es-CO" });
    expect(screen.getByTestId("error-detail").textContent).toBe("The English detail");
  });
});

describe("GuardProblem", () => {
  it("a suspected duplicate's detail in Spanish", () => {
    const dup = problem({
      code: "conflict",
      status: 409,
      detail:
        "The same amount went to this beneficiary in the last 24 h; confirm with a reason to send it again",
      meta: {
        reason: "duplicate_suspected",
        matches: [],
        detail_code: "duplicate_suspected",
        detail_params: { hours: 24 },
      },
    });
    renderWithProviders(<GuardProblem error={dup} />, { locale: "es-CO" });
    expect(
      screen.getByText(
        "El mismo monto se envió a este beneficiario en las últimas 24 h; confirma con un motivo para enviarlo de nuevo.",
      ),
    ).toBeTruthy();
  });

  it("an amount over the limit says the limit once", () => {
    const over = problem({
      code: "unprocessable",
      status: 422,
      detail:
        "This amount ($ 200.000.001) is above the largest the console may send ($ 200.000.000)",
      meta: {
        reason: "amount_over_limit",
        max: 20_000_000_000,
        detail_code: "amount_over_limit",
        detail_params: {
          amount: { minor: "20000000100", currency: "COP" },
          max: { minor: "20000000000", currency: "COP" },
        },
      },
    });
    renderWithProviders(<GuardProblem error={over} />, { locale: "es-CO" });
    expect(screen.getByTestId("guard-amount_over_limit").textContent).toContain(
      "Este monto ($ 200.000.001) supera el máximo que puede enviar la consola ($ 200.000.000). Divídelo",
    );
  });
});
