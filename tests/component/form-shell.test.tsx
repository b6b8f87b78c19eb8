import { describe, expect, it, vi } from "vitest";
import { fireEvent, screen } from "@testing-library/react";
import { FormShell, type TFormShellProps } from "@/components/forms/form-shell";
import type { TPreview } from "@/components/operations/reference-api";
import { ApiError } from "@/components/api-client";
import { renderWithProviders } from "./render";

const preview = (over: Partial<TPreview> = {}): TPreview =>
  ({
    policyVersion: 3,
    tier: { kind: "none" },
    fee: 2_200_000,
    total: 102_200_000,
    expectedTime: "same business day",
    killSwitch: false,
    ...over,
  }) as TPreview;

function shell(over: Partial<TFormShellProps> = {}) {
  const onSubmit = vi.fn();
  renderWithProviders(
    <FormShell
      label="New payout"
      onSubmit={onSubmit}
      preview={{ data: preview(), error: null, loading: false }}
      submit={{ label: "Submit and send", pending: false, testId: "submit" }}
      {...over}
    >
      <p>the form cards</p>
    </FormShell>,
  );
  return { onSubmit };
}

describe("FormShell", () => {
  it("frames the form's cards with the guard's verdict and one submit button", () => {
    const { onSubmit } = shell({ footnote: "One idempotency key." });
    expect(screen.getByRole("form", { name: "New payout" })).toBeTruthy();
    expect(screen.getByText("the form cards")).toBeTruthy();
    expect(screen.getByTestId("tier-text").textContent).toContain("sent as soon as you submit");
    expect(screen.getByTestId("preview-total").textContent).toBe("$ 1.022.000");
    fireEvent.click(screen.getByTestId("submit"));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByText("One idempotency key.")).toBeTruthy();
  });

  it("with the kill switch on, promises no sending anywhere", () => {
    shell({ preview: { data: preview({ killSwitch: true }), error: null, loading: false } });
    expect(screen.getByTestId("tier-text").textContent).not.toContain("sent as soon as you submit");
    expect(screen.getByTestId("tier-text").textContent).toContain("kill switch is ON");
    expect(screen.getByTestId("submit").textContent).toBe("Submit and send (sending is paused)");
    expect(screen.getByTestId("preview-expected").textContent).toContain("kill switch");
  });

  it("cannot submit a refused tier or while submitting", () => {
    shell({
      preview: {
        data: preview({ tier: { kind: "refused" } as TPreview["tier"] }),
        error: null,
        loading: false,
      },
    });
    expect((screen.getByTestId("submit") as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows a placeholder instead of the verdict, the invalid note and the guard's problem", () => {
    const error = new ApiError({
      code: "guard_refused",
      detail: "Refused",
      status: 422,
      request_id: "req_1",
      meta: { reason: "insufficient_balance", available: 100, required: 300, shortfall: 200 },
    });
    shell({
      preview: null,
      previewPlaceholder: <p>Complete every row first.</p>,
      invalid: { text: "Fix the rows.", testId: "rows-invalid" },
      problem: { error, busy: false },
      submit: { label: "Submit 3 transfers", pending: true, testId: "submit" },
    });
    expect(screen.getByText("Complete every row first.")).toBeTruthy();
    expect(screen.getByTestId("rows-invalid").textContent).toBe("Fix the rows.");
    expect(screen.getByText("Not enough balance")).toBeTruthy();
    expect(screen.getByTestId("submit").textContent).toBe("Submitting…");
  });
});
