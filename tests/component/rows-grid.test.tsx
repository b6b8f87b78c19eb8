import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { RowsGrid } from "@/components/transfers/rows-grid";
import { EMPTY_ROW, serverRowErrors, type TRowErrors } from "@/components/transfers/rows";
import { renderWithProviders } from "./render";

// The transfer grid shows each cell's error in the person's language: the browser's own checks
// (English messages, forms.validation) and the server's field errors, kept whole, worded from
// their code and params (errors.fields.<code>), the server's English when the code is unknown.

const server = serverRowErrors([
  {
    path: "/rows/0/beneficiary/accountNumber",
    message: "5 to 20 digits",
    code: "invalid_format",
    params: { format: "regex", text: "" },
    schema_message: true,
  },
  {
    path: "/rows/0/duplicateReason",
    message: "Required: same account and amount as row 1",
    code: "duplicate_of_row",
    params: { row: 1 },
  },
  {
    path: "/rows/0/beneficiary/name",
    message: "At most 120 characters",
    code: "too_long",
    params: { maximum: 120 },
  },
  { path: "/rows/0/description", message: "Something new", code: "brand_new", params: {} },
]);
const errors: TRowErrors[] = [{ amount: "Enter an amount", ...server.get(0) }];
const rows = [{ ...EMPTY_ROW, duplicateReason: "x" }];

const errorOf = (field: string) => screen.getByTestId(`row-0-${field}-error`).textContent;

describe("RowsGrid", () => {
  it("words the browser's and the server's errors in Spanish", () => {
    renderWithProviders(<RowsGrid rows={rows} errors={errors} onChange={() => {}} banks={[]} />, {
      locale: "es-CO",
    });
    expect(errorOf("amount")).toBe("Escribe un monto");
    expect(errorOf("accountNumber")).toBe("De 5 a 20 dígitos");
    expect(errorOf("duplicateReason")).toBe("Obligatorio: misma cuenta y monto que la fila 1");
    expect(errorOf("name")).toBe("Máximo 120 caracteres");
    expect(errorOf("description")).toBe("Something new");
  });

  it("reads in English as the server wrote it", () => {
    renderWithProviders(<RowsGrid rows={rows} errors={errors} onChange={() => {}} banks={[]} />);
    expect(errorOf("amount")).toBe("Enter an amount");
    expect(errorOf("accountNumber")).toBe("5 to 20 digits");
    expect(errorOf("duplicateReason")).toBe("Required: same account and amount as row 1");
    expect(errorOf("name")).toBe("At most 120 characters");
  });
});
