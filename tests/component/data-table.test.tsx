import { describe, expect, it } from "vitest";
import { fireEvent, render as rtlRender, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import type { TLocale } from "@/i18n/locales";
import { messagesOf } from "./render";

// The table's own words (Columns, Loading…, Sort by …) come from the "ui" catalogue: render it
// inside next-intl, English unless a test asks for es-CO (rerenders keep the provider).
function render(ui: React.ReactElement, locale: TLocale = "en") {
  const wrapper = ({ children }: { children: React.ReactNode }) => (
    <NextIntlClientProvider locale={locale} messages={messagesOf(locale)} timeZone="America/Bogota">
      {children}
    </NextIntlClientProvider>
  );
  return rtlRender(ui, { wrapper });
}

type TRow = { id: string; name: string; amount: number };
const ROWS: TRow[] = [
  { id: "a", name: "Beta", amount: 300 },
  { id: "b", name: "alpha", amount: 20 },
  { id: "c", name: "Gamma", amount: 1_000 },
];
const COLUMNS: TColumn<TRow>[] = [
  { id: "name", header: "Name", sortValue: (r) => r.name, cell: (r) => r.name },
  {
    id: "amount",
    header: "Amount",
    align: "right",
    sortValue: (r) => r.amount,
    cell: (r) => String(r.amount),
  },
  { id: "note", header: "Note", cell: (r) => `note ${r.id}` },
  { id: "actions", header: "Actions", hideHeader: true, cell: (r) => <button>Open {r.id}</button> },
];

const bodyRows = () => within(screen.getByRole("table")).getAllByRole("row").slice(1);
const firstCells = () => bodyRows().map((r) => within(r).getAllByRole("cell")[0].textContent);

describe("DataTable", () => {
  it("sits in a labelled scrolling region the keyboard can reach, with a header cell per column", () => {
    render(<DataTable label="People" columns={COLUMNS} rows={ROWS} rowKey={(r) => r.id} />);
    const region = screen.getByRole("region", { name: "People" });
    expect(region.getAttribute("tabindex")).toBe("0");
    expect(region.className).toContain("overflow-auto");
    const headers = screen.getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Name", "Amount", "Note", "Actions"]);
    // A hidden header still names its column for screen readers (no empty <th>).
    expect(within(headers[3]).getByText("Actions").className).toContain("sr-only");
    expect(headers.every((h) => h.className.includes("sticky"))).toBe(true);
    expect(firstCells()).toEqual(["Beta", "alpha", "Gamma"]);
  });

  it("sorts by a column: text ignoring case, numbers as numbers, and says so with aria-sort", () => {
    render(<DataTable label="People" columns={COLUMNS} rows={ROWS} rowKey={(r) => r.id} />);
    expect(screen.getByRole("button", { name: /Name/ }).getAttribute("title")).toBe("Sort by Name");
    fireEvent.click(screen.getByRole("button", { name: /Name/ }));
    expect(firstCells()).toEqual(["alpha", "Beta", "Gamma"]);
    expect(screen.getAllByRole("columnheader")[0].getAttribute("aria-sort")).toBe("ascending");
    // Numbers sort largest first on the first click, then smallest first.
    fireEvent.click(screen.getByRole("button", { name: /Amount/ }));
    expect(firstCells()).toEqual(["Gamma", "Beta", "alpha"]);
    expect(screen.getAllByRole("columnheader")[1].getAttribute("aria-sort")).toBe("descending");
    fireEvent.click(screen.getByRole("button", { name: /Amount/ }));
    expect(firstCells()).toEqual(["alpha", "Beta", "Gamma"]);
    // Columns without a sort value have no sort button.
    expect(screen.queryByRole("button", { name: /Note/ })).toBeNull();
  });

  it("starts from an initial sort and hides columns from the Columns menu", () => {
    render(
      <DataTable
        label="People"
        columns={COLUMNS}
        rows={ROWS}
        rowKey={(r) => r.id}
        initialSort={{ id: "amount", desc: true }}
        columnMenu
      />,
    );
    expect(firstCells()).toEqual(["Gamma", "Beta", "alpha"]);
    fireEvent.click(screen.getByRole("checkbox", { name: "Note" }));
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).not.toContain("Note");
    expect(within(bodyRows()[0]).getAllByRole("cell")).toHaveLength(3);
    // Action columns (hidden header) are not offered.
    expect(screen.queryByRole("checkbox", { name: "Actions" })).toBeNull();
  });

  it("says it is loading, then what to show when there is nothing", () => {
    const { rerender } = render(
      <DataTable
        label="People"
        columns={COLUMNS}
        rows={[]}
        rowKey={(r) => r.id}
        loading
        empty="Nobody here."
      />,
    );
    expect(screen.getByRole("status").textContent).toBe("Loading…");
    expect(screen.getByRole("table").getAttribute("aria-busy")).toBe("true");
    rerender(
      <DataTable
        label="People"
        columns={COLUMNS}
        rows={[]}
        rowKey={(r) => r.id}
        empty="Nobody here."
      />,
    );
    expect(screen.getByText("Nobody here.")).toBeTruthy();
    expect(screen.getByRole("cell").getAttribute("colspan")).toBe("4");
  });

  it("passes row attributes and renders a full-width expanded row under a row", () => {
    render(
      <DataTable
        label="People"
        columns={COLUMNS}
        rows={ROWS}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ "data-testid": `row-${r.id}` })}
        expanded={(r) => (r.id === "b" ? <p>Details of b</p> : null)}
      />,
    );
    expect(screen.getByTestId("row-a")).toBeTruthy();
    const details = screen.getByText("Details of b").closest("td")!;
    expect(details.getAttribute("colspan")).toBe("4");
    expect(bodyRows()).toHaveLength(4);
  });

  it("speaks the person's language: Spanish (Colombia) for its own words", () => {
    const { rerender } = render(
      <DataTable
        label="Personas"
        columns={COLUMNS}
        rows={[]}
        rowKey={(r) => r.id}
        loading
        columnMenu
      />,
      "es-CO",
    );
    expect(screen.getByRole("status").textContent).toBe("Cargando…");
    expect(screen.getByText("Columnas")).toBeTruthy();
    expect(screen.getByRole("button", { name: /Name/ }).getAttribute("title")).toBe(
      "Ordenar por Name",
    );
    rerender(<DataTable label="Personas" columns={COLUMNS} rows={[]} rowKey={(r) => r.id} />);
    expect(screen.getByText("No hay nada para mostrar.")).toBeTruthy();
  });
});
