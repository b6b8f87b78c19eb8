import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MonoApiError, MonoNetworkError, MonoResponseShapeError, type MonoError } from "@/lib/mono";
import { KEY, expectNoSecrets, fastClient, opId, recorder, rowsFor } from "./helpers";

// Responses the sandbox never sends, from a tiny real HTTP server: a wrong shape, an HTML error
// page, a header echoing the API key, a slow call the caller aborts. The client must turn each into
// a typed outcome (never a crash) and still record and redact the attempt.
let server: Server;
let url = "";
const rec = recorder();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path.startsWith("/v1/accounts?shape") || path === "/v1/accounts") {
      res.writeHead(200, {
        "content-type": "application/json",
        "x-mono-log-id": "log_shape000000000000000001",
      });
      res.end(JSON.stringify({ accounts: "not-a-list", pagination: null }));
    } else if (path.startsWith("/v1/banks")) {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(
        `<html><body>Bad gateway. Your header was ${req.headers.authorization}</body></html>`,
      );
    } else if (path.startsWith("/v1/ledger/accounts/lacc_echo/balances")) {
      res.writeHead(200, {
        "content-type": "application/json",
        "x-debug-auth": String(req.headers.authorization),
      });
      res.end(
        JSON.stringify({
          available: { amount: 1, currency: "COP" },
          pending: { amount: 0, currency: "COP" },
          note: `key ${KEY}`,
        }),
      );
    } else {
      setTimeout(() => res.end("{}"), 2_000).unref();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await expectNoSecrets();
});

async function failure(p: Promise<unknown>): Promise<MonoError> {
  try {
    await p;
  } catch (e) {
    return e as MonoError;
  }
  throw new Error("expected the call to fail");
}

describe("odd responses", () => {
  it("a 2xx with the wrong shape is a MonoResponseShapeError, recorded, not retried", async () => {
    const c = fastClient(url, rec);
    const op = opId("shape");
    const err = await failure(c.listAccounts({}, { operationId: op }));
    expect(err).toBeInstanceOf(MonoResponseShapeError);
    expect(err).toMatchObject({
      status: 200,
      logId: "log_shape000000000000000001",
      retryable: false,
    });
    expect((err as MonoResponseShapeError).issues.join(" ")).toContain("accounts");
    expect(err.call).toMatchObject({ attempts: 1, stoppedBy: "not_retryable" });
    const rows = await rowsFor(op);
    expect(rows.map((r) => [r.statusClass, r.errorCode, r.monoLogId])).toEqual([
      ["2xx", "response_shape", "log_shape000000000000000001"],
    ]);
    await c.close();
  });

  it("an HTML 502 becomes a MonoApiError without a code; the excerpt is stored redacted", async () => {
    const c = fastClient(url, rec, {
      backoff: { baseMs: 1, capMs: 2, jitterMs: 1, maxRetries: 1 },
    });
    const op = opId("html");
    const err = await failure(c.listBanks({}, { operationId: op }));
    expect(err).toBeInstanceOf(MonoApiError);
    expect(err).toMatchObject({ status: 502, errorCode: null, logId: null });
    const rows = await rowsFor(op);
    expect(rows).toHaveLength(2);
    expect(rows[0].responseBody).toEqual({
      _text: "<html><body>Bad gateway. Your header was Bearer [redacted]</body></html>",
    });
    await c.close();
  });

  it("a key echoed in a response header or body is redacted before storage", async () => {
    const c = fastClient(url, rec);
    const op = opId("echo");
    await c.getLedgerBalance("lacc_echo", { operationId: op });
    const [row] = await rowsFor(op);
    expect(row.responseHeaders).toMatchObject({ "x-debug-auth": "Bearer [redacted]" });
    expect(row.responseBody).toMatchObject({ note: "key [redacted]" });
    await c.close();
  });

  it("the caller's AbortSignal stops an in-flight attempt: recorded as aborted, not retried", async () => {
    const c = fastClient(url, rec, {
      timeouts: { connectMs: 1_000, responseMs: 5_000, totalMs: 10_000 },
    });
    const op = opId("abort");
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const err = await failure(c.getPayout("cpout_slow", { operationId: op, signal: ac.signal }));
    expect(err).toBeInstanceOf(MonoNetworkError);
    expect(err).toMatchObject({ kind: "aborted" });
    expect(err.call).toMatchObject({ attempts: 1, stoppedBy: "aborted" });
    expect((await rowsFor(op)).map((r) => r.errorCode)).toEqual(["aborted"]);
    expect(c.health().breaker).toBe("closed");
    await c.close();
  });
});
