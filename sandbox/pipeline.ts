// One request's journey: route → auth → body → fault → idempotency → handler → response.
// The order matters for the reliability contract:
// - the idempotency lock is taken before any injected latency, so a concurrent retry sees 409;
// - "before commit" faults release the lock unstored (a retry runs for real);
// - "after commit" faults store the real response first (a retry replays it with 200).
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, checkAdmin } from "./auth";
import type { Sandbox } from "./context";
import { envelope, MonoError, statusDetail } from "./errors";
import {
  FAULT_HEADER,
  FaultHeaderError,
  parseFaultHeader,
  rollFault,
  type TFaultAction,
  type TRequestFault,
} from "./faults";
import { LOG_ID_HEADER, readBody, sendJson, type TCtx, type TResult } from "./http";
import { fingerprint, UUID_V4 } from "./idempotency";
import { newId } from "./ids";
import type { Router } from "./router";

export type TPipelineOptions = { adminToken?: string };

const sleep = (ms: number, res: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    res.once("close", () => {
      clearTimeout(t);
      resolve();
    });
  });

function errorResult(err: unknown, logId: string): TResult {
  if (err instanceof MonoError)
    return {
      status: err.status,
      body: envelope(err.status, err.details, logId),
      headers: err.headers,
    };
  process.stderr.write(
    `sandbox: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return { status: 500, body: envelope(500, [statusDetail(500)], logId) };
}

function describe(f: TRequestFault | null): string | null {
  if (!f) return null;
  const parts: string[] = [];
  if (f.latencyMs) parts.push(`latency=${f.latencyMs}`);
  const a = f.action;
  if (a?.kind === "status") parts.push(`status=${a.status}`);
  if (a?.kind === "reset") parts.push("reset");
  if (a?.kind === "hang") parts.push(`hang=${a.ms}`);
  if (a?.afterCommit) parts.push("after_commit");
  for (const w of f.webhook) parts.push(`webhook=${w}`);
  return parts.length ? parts.join(";") : null;
}

export async function handle(
  sb: Sandbox,
  router: Router,
  opts: TPipelineOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const logId = newId("log");
  const url = req.url ?? "/";
  const qi = url.indexOf("?");
  const path = qi < 0 ? url : url.slice(0, qi);
  const method = req.method ?? "GET";
  const headers: Record<string, string> = { [LOG_ID_HEADER]: logId };
  const requestId = req.headers["x-request-id"];
  if (typeof requestId === "string") headers["x-request-id"] = requestId;
  let fault: TRequestFault | null = null;
  let heldKey: string | null = null;
  let status = 0;

  const respond = (r: TResult): void => {
    status = r.status;
    sendJson(res, r.status, typeof r.body === "string" ? r.body : JSON.stringify(r.body), {
      ...headers,
      ...r.headers,
    });
  };
  const act = async (a: TFaultAction): Promise<void> => {
    if (a.kind === "status") {
      const h: Record<string, string> = a.retryAfter ? { "retry-after": a.retryAfter } : {};
      respond({
        status: a.status,
        body: envelope(a.status, [statusDetail(a.status)], logId),
        headers: h,
      });
    } else if (a.kind === "reset") {
      status = -1;
      req.socket.destroy();
    } else {
      status = -2;
      await sleep(a.ms, res);
      req.socket.destroy();
    }
  };

  try {
    const m = router.match(method, path);
    if (!m.route) {
      const msg = m.methodMismatch
        ? `${method} is not allowed on ${path}.`
        : `No route ${method} ${path}.`;
      throw new MonoError(404, [{ code: "item_not_found", message: msg }]);
    }
    const route = m.route;
    const isAdmin = route.access === "admin";
    if (isAdmin) checkAdmin(opts.adminToken, req);
    const apiKey = authenticate(sb, req, route.access);
    const rawBody = method === "GET" ? "" : await readBody(req);

    if (sb.allowFaults && !isAdmin) {
      const h = req.headers[FAULT_HEADER];
      if (typeof h === "string") {
        try {
          fault = parseFaultHeader(h, Date.now());
        } catch (e) {
          const msg = e instanceof FaultHeaderError ? e.message : String(e);
          throw new MonoError(400, [
            {
              code: "invalid_format",
              message: `x-sandbox-fault: ${msg}`,
              path: "#/headers/x-sandbox-fault",
            },
          ]);
        }
      } else fault = rollFault(sb.faultConfig, sb.random, route.write === true);
    }

    const ctx: TCtx = {
      req,
      res,
      method,
      path,
      query: new URLSearchParams(qi < 0 ? "" : url.slice(qi + 1)),
      params: m.params,
      logId,
      rawBody,
      apiKey,
      idempotencyKey: null,
      created: [],
    };

    if (route.write) {
      const key = req.headers["x-idempotency-key"];
      if (key !== undefined) {
        if (typeof key !== "string" || !UUID_V4.test(key)) {
          throw new MonoError(400, [
            {
              code: "invalid_format",
              message: "The field contains an invalid format. x-idempotency-key must be a UUID v4.",
              path: "#/headers/x-idempotency-key",
            },
          ]);
        }
        const begun = sb.idem.begin(key, fingerprint(method, path, rawBody));
        if (begun.kind === "mismatch") {
          throw new MonoError(409, [
            {
              code: "idempotency_key_reused",
              message: "This idempotency key was already used with a different request.",
              path: "#/headers/x-idempotency-key",
            },
          ]);
        }
        if (begun.kind === "in_use") {
          throw new MonoError(409, [
            {
              code: "idempotency_key_in_use",
              message: "A request with this idempotency key is still being processed.",
              path: "#/headers/x-idempotency-key",
            },
          ]);
        }
        if (begun.kind === "replay") {
          if (fault?.latencyMs) await sleep(fault.latencyMs, res);
          const st = begun.rec.status < 300 ? 200 : begun.rec.status;
          respond({ status: st, body: begun.rec.body, headers: { "idempotent-replayed": "true" } });
          return;
        }
        heldKey = key;
        ctx.idempotencyKey = key;
      }
    }

    if (fault?.latencyMs) await sleep(fault.latencyMs, res);
    if (fault?.action && !fault.action.afterCommit) {
      // Nothing ran: the key is released unstored so a retry is processed for real.
      if (heldKey) sb.idem.abandon(heldKey);
      heldKey = null;
      await act(fault.action);
      return;
    }
    if (res.destroyed) return; // the client gave up during the latency; nothing committed

    let result: TResult;
    sb.requestWebhookFaults = fault?.webhook ?? [];
    sb.requestWebhookDelayMs = fault?.webhookDelayMs ?? null;
    try {
      result = route.handler(ctx);
    } catch (err) {
      result = errorResult(err, logId);
    } finally {
      sb.requestWebhookFaults = [];
      sb.requestWebhookDelayMs = null;
    }
    const body = JSON.stringify(result.body);
    if (heldKey) {
      sb.idem.complete(heldKey, result.status, body, ctx.created);
      if (ctx.created.length > 0)
        sb.state.resourcesByIdemKey.set(heldKey, [
          ...(sb.state.resourcesByIdemKey.get(heldKey) ?? []),
          ...ctx.created,
        ]);
      heldKey = null;
      sb.onChange();
    }
    if (fault?.action?.afterCommit) {
      await act(fault.action);
      return;
    }
    respond({ status: result.status, body, headers: result.headers });
  } catch (err) {
    respond(errorResult(err, logId));
  } finally {
    if (heldKey) sb.idem.abandon(heldKey);
    sb.logRequest({
      id: logId,
      at: new Date().toISOString(),
      method,
      path,
      status,
      idempotency_key:
        typeof req.headers["x-idempotency-key"] === "string"
          ? req.headers["x-idempotency-key"]
          : null,
      fault: describe(fault),
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
    });
  }
}
