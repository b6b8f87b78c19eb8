import { describe, expect, it } from "vitest";
import { factValue } from "@/components/investigation/fact-value";
import { formatCop } from "@/components/money/format";

describe("timeline fact values", () => {
  it("shows money in pesos whether it came as a number or as a bigint string", () => {
    expect(factValue("amount", 3_250_000_000)).toBe(formatCop(3_250_000_000));
    expect(factValue("availableAtCreation", "45000000000")).toBe(formatCop(45_000_000_000n));
    expect(factValue("availableAtCreation", "45000000000")).not.toContain("45000000000");
  });

  it("leaves other values alone", () => {
    expect(factValue("ticketRef", "TRS-88")).toBe("TRS-88");
    expect(factValue("amount", "n/a")).toBe("n/a");
    expect(factValue("requiredApprovals", 2)).toBe("2");
    expect(factValue("stepUpRequired", true)).toBe("true");
  });
});
