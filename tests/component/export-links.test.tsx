import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { ExportLinks } from "@/components/ui/export-links";
import { renderWithProviders } from "./render";

// The export buttons fetch the server's stream, count rows as they arrive, and save the file under
// the server's name; the spreadsheet button asks for format=es-CO.
function csvResponse(rows: number, name: string) {
  const lines = ["id", ...Array.from({ length: rows }, (_, i) => `op_${i}`)].join("\n") + "\n";
  const bytes = new TextEncoder().encode(lines);
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += 1000) c.enqueue(bytes.slice(i, i + 1000));
      c.close();
    },
  });
  return new Response(body, {
    headers: {
      "x-row-count": String(rows),
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("ExportLinks", () => {
  it("downloads every row, says how many, and asks for the es-CO form from the second button", async () => {
    const fetchMock = vi.fn(async (url: string) =>
      csvResponse(2_500, url.includes("format=es-CO") ? "ops-es-CO.csv" : "ops.csv"),
    );
    vi.stubGlobal("fetch", fetchMock);
    const saved: string[] = [];
    vi.stubGlobal(
      "URL",
      Object.assign(URL, { createObjectURL: () => "blob:x", revokeObjectURL: () => {} }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    renderWithProviders(<ExportLinks href="/api/operations/export?state=failed" />);
    fireEvent.click(screen.getByTestId("export-csv"));
    await waitFor(() =>
      expect(screen.getByTestId("export-status").textContent).toContain("2,500 rows exported"),
    );
    fireEvent.click(screen.getByTestId("export-spreadsheet"));
    await waitFor(() => expect(saved).toEqual(["ops.csv", "ops-es-CO.csv"]));
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      "/api/operations/export?state=failed",
      "/api/operations/export?state=failed&format=es-CO",
    ]);
    click.mockRestore();
  });

  it("shows the API's error, translated by its code, with the request id", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ code: "forbidden", detail: "No", status: 403, request_id: "req_1" }),
            { status: 403 },
          ),
      ),
    );
    renderWithProviders(<ExportLinks href="/api/requests/export" />, { locale: "es-CO" });
    fireEvent.click(screen.getByTestId("export-csv"));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Tu rol no permite esta acción.",
    );
    expect(screen.getByRole("alert").textContent).toContain("req_1");
  });
});
