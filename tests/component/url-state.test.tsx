import { describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { UrlUpdateEvent } from "nuqs/adapters/testing";
import { ZOperationFilters } from "@/lib/operations/list-filters";
import { ZRequestFilters } from "@/lib/investigation/request-filters";
import { useUrlFilters } from "@/components/url-state/use-url-filters";
import {
  parsersFromSchema,
  serializeValue,
  toQueryStrings,
} from "@/components/url-state/zod-parsers";
import { renderWithProviders } from "./render";

const OP_KEYS = ["state", "kind", "range", "minAmount", "maxAmount", "createdBy"] as const;

function Probe({ keys }: { keys: typeof OP_KEYS }) {
  const url = useUrlFilters(ZOperationFilters, keys);
  return (
    <div>
      <pre data-testid="filters">{JSON.stringify(url.filters)}</pre>
      <span data-testid="invalid">{String(url.invalid)}</span>
      <button onClick={() => void url.setFilters({ state: ["failed"], minAmount: 5_000_00 })}>
        set
      </button>
      <button onClick={() => void url.patchFilters({ range: "7d" })}>patch</button>
      <button onClick={() => void url.setFilters({})}>clear</button>
    </div>
  );
}

const shown = () =>
  JSON.parse(screen.getByTestId("filters").textContent!) as Record<string, unknown>;

describe("zod-built nuqs parsers", () => {
  it("parse each key with the API's own schema and write back what it parses", () => {
    const p = parsersFromSchema(ZOperationFilters, ["state", "minAmount", "range"]);
    expect(p.state.parse("settled,failed")).toEqual(["settled", "failed"]);
    expect(p.state.parse("settled,bogus")).toBeNull();
    expect(p.minAmount.parse("150000")).toBe(150000);
    expect(p.minAmount.parse("-1")).toBeNull();
    expect(p.state.serialize(["settled", "failed"])).toBe("settled,failed");
    expect(serializeValue(new Date("2026-12-04T10:00:00.000Z"))).toBe("2026-12-04T10:00:00.000Z");
    expect(toQueryStrings({ a: ["x", "y"], b: undefined, c: 5, d: [] })).toEqual({
      a: "x,y",
      c: "5",
    });
  });

  it("give a key its schema default when it is absent or invalid", () => {
    const p = parsersFromSchema(ZRequestFilters, ["range"]);
    expect((p.range as unknown as { defaultValue: string }).defaultValue).toBe("24h");
    expect(p.range.parse("2y")).toBeNull();
  });
});

describe("useUrlFilters", () => {
  it("reads the filters a pasted link holds", () => {
    renderWithProviders(<Probe keys={OP_KEYS} />, {
      search: "?state=pending_approval,failed&minAmount=100000&range=24h&other=1",
    });
    expect(shown()).toEqual({
      state: ["pending_approval", "failed"],
      minAmount: 100000,
      range: "24h",
    });
    expect(screen.getByTestId("invalid").textContent).toBe("false");
  });

  it("ignores a hand-edited bad value and says the link had one", () => {
    renderWithProviders(<Probe keys={OP_KEYS} />, { search: "?state=bogus&range=24h" });
    expect(shown()).toEqual({ range: "24h" });
    expect(screen.getByTestId("invalid").textContent).toBe("true");
  });

  it("writes filters into the URL, replacing the schema's keys and keeping the others", async () => {
    const updates: UrlUpdateEvent[] = [];
    const onUrlUpdate = vi.fn((e: UrlUpdateEvent) => void updates.push(e));
    renderWithProviders(<Probe keys={OP_KEYS} />, {
      search: "?range=24h&view=all",
      onUrlUpdate,
    });
    await act(async () => fireEvent.click(screen.getByText("set")));
    await waitFor(() => expect(onUrlUpdate).toHaveBeenCalled());
    const last = updates.at(-1)!;
    expect(last.searchParams.get("state")).toBe("failed");
    expect(last.searchParams.get("minAmount")).toBe("500000");
    expect(last.searchParams.get("range")).toBeNull();
    expect(last.searchParams.get("view")).toBe("all");
    expect(last.options.history).toBe("replace");
    await waitFor(() => expect(shown()).toEqual({ state: ["failed"], minAmount: 500000 }));
    await act(async () => fireEvent.click(screen.getByText("patch")));
    await waitFor(() =>
      expect(shown()).toEqual({ state: ["failed"], minAmount: 500000, range: "7d" }),
    );
    await act(async () => fireEvent.click(screen.getByText("clear")));
    await waitFor(() => expect(shown()).toEqual({}));
  });
});
