import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { maskPii, maskText } from "@/lib/operations/mask";

describe("masking what people type", () => {
  it("masks a long number in an approval comment, a reason or a resolution, at any depth", () => {
    const masked = maskPii({
      comment: "Paid twice to 4865519897622, see ticket",
      details: { reason: "refund CC 1020304050", resolution: "moved to 4865519897622" },
      approvals: [{ comment: "ok" }],
      amount: 12345678, // not free text: numbers under other keys stay as they are
    }) as Record<string, unknown>;
    const text = JSON.stringify(masked);
    expect(text).not.toContain("4865519897622");
    expect(text).not.toContain("1020304050");
    expect(text).toContain("7622");
    expect((masked.approvals as { comment: string }[])[0].comment).toBe("ok");
    expect(masked.amount).toBe(12345678);
  });

  it("never leaves a run of 6+ digits in free text, and keeps shorter ones", () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^\d{6,20}$/), fc.string(), (a, digits, b) => {
        const out = maskText(`${a} ${digits} ${b}`);
        expect(out).not.toMatch(/(?<![A-Za-z0-9_])\d{6,}/);
      }),
    );
    expect(maskText("invoice 12345 for 2 items")).toBe("invoice 12345 for 2 items");
  });
});
