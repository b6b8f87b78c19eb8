import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { findSandbox, signIn, type TSandbox } from "./helpers";
import { E2E_BASE_URL } from "../../playwright.config";

// Support's path end to end: a payout whose first POST to Mono failed (503) and whose retry went
// through is found by pasting the log_ id of its FIRST attempt into the header search box; its
// timeline shows both attempts and the wait between them.
//
// The retry is real: the embedded sandbox's per-run fault dice (PUT /_sandbox/faults) with seed 7
// fail exactly the first write after they are set and let the second through. That needs the
// sandbox to accept faults: SANDBOX_ALLOW_FAULTS=1 in the launcher's environment.

const ONE_RETRY_FAULTS = "5xx=0.5,statuses=503,apply_to=writes,seed=7";

async function setFaults(s: TSandbox, body: object): Promise<{ allowed: boolean }> {
  const r = await fetch(`${s.url}/_sandbox/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json", "x-sandbox-admin-token": s.token },
    body: JSON.stringify(body),
  });
  expect(r.ok).toBe(true);
  return (await r.json()) as { allowed: boolean };
}

test("a retried payout is found from its first attempt's log_ id; the timeline shows both attempts and the delay", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "admin");
  const sandbox = await findSandbox(page.request);

  let operationId: string;
  try {
    const { allowed } = await setFaults(sandbox, { text: ONE_RETRY_FAULTS });
    expect(
      allowed,
      "the embedded sandbox ignores faults: start the e2e console with SANDBOX_ALLOW_FAULTS=1 (playwright.config.ts webServer.env)",
    ).toBe(true);
    const res = await page.request.post("/api/operations/payouts", {
      headers: { "idempotency-key": randomUUID(), origin: E2E_BASE_URL },
      data: {
        sourceAccountId: "lacc_4PagosProveedores9aBcD",
        method: "co_ach",
        amount: 250_000_00,
        currency: "COP",
        beneficiary: {
          bankCode: "1007",
          accountType: "savings_account",
          accountNumber: String(Date.now()).slice(-11),
          name: "Proveedor Reintento SAS",
          documentType: "CC",
          documentNumber: "1020304050",
        },
        reason: "Investigation e2e: supplier invoice",
        ticketRef: "SUP-7781",
      },
    });
    expect(res.status()).toBe(201);
    operationId = ((await res.json()) as { operation: { id: string; state: string } }).operation.id;
  } finally {
    await setFaults(sandbox, {});
  }

  // The ticket brings Mono's log_ id of the failed first attempt.
  const log = (await (
    await page.request.get(`/api/requests?operationId=${operationId}&range=15m`)
  ).json()) as {
    requests: { method: string; attempt: number; status: number; monoLogId: string }[];
  };
  const posts = log.requests
    .filter((r) => r.method === "POST")
    .sort((a, b) => a.attempt - b.attempt);
  expect(posts.map((p) => p.status)).toEqual([503, 201]);
  const firstLogId = posts[0].monoLogId;

  await page.goto("/overview");
  // The shortcut listens once the page has hydrated (pages stream in since the loading pages
  // exist): press again until it takes, as a person would.
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(page.getByLabel("Search any id")).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.type(firstLogId);
  await expect(page.getByText("Mono log id", { exact: true })).toBeVisible();
  await page.keyboard.press("Enter");
  const results = page.getByTestId("search-results");
  await expect(results.getByTestId("hit-operation")).toContainText(operationId);
  await expect(results.getByTestId("hit-request")).toContainText("503");
  await results.getByTestId("hit-operation").getByRole("link", { name: "Timeline" }).click();

  await expect(page).toHaveURL(new RegExp(`/operations/${operationId}/timeline$`));
  const timeline = page.getByTestId("timeline");
  const attempts = timeline.getByTestId("event-attempt");
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText("Attempt 1: POST /v1/core/payouts → 503");
  await expect(attempts.nth(0)).toContainText(firstLogId);
  await expect(attempts.nth(1)).toContainText("Attempt 2: POST /v1/core/payouts → 201");
  await expect(attempts.nth(1).getByTestId("attempt-delay")).toContainText(
    /Waited 1\.\d+ s before this attempt \(exponential backoff with jitter\)/,
  );
  await expect(timeline.getByTestId("event-created")).toContainText(
    "Investigation e2e: supplier invoice",
  );
  await expect(page.getByRole("button", { name: /Copy permalink/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/ui-investigation-timeline.png", fullPage: true });
});
