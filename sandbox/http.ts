// Request/response plumbing shared by every route: body reading, JSON output, the log-id header.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TMonoApiKeyRole } from "../lib/mono/contract";
import type { TApiKey } from "./state";
import { MonoError } from "./errors";

export const LOG_ID_HEADER = "x-mono-log-id";
const MAX_BODY_BYTES = 5 * 1024 * 1024; // 1000 transfers ≈ 0.5 MB; anything far beyond is abuse

export type TCtx = {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  logId: string;
  rawBody: string;
  apiKey: TApiKey | null;
  idempotencyKey: string | null;
  /** resources created while handling (idempotency record + duplicate detector) */
  created: string[];
};

export type TResult = { status: number; body: unknown; headers?: Record<string, string> };

export type TAccess = "admin" | readonly TMonoApiKeyRole[];

export type TRoute = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  pattern: string;
  access: TAccess;
  /** writes take x-idempotency-key and the after-commit faults */
  write?: boolean;
  handler: (ctx: TCtx) => TResult;
};

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new MonoError(413, [{ code: "validation_error", message: "Body larger than 5 MB" }]),
        );
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () =>
      resolve(
        chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8"),
      ),
    );
    req.on("error", reject);
  });
}

/** Parses the JSON body or fails with Mono's 400 envelope. */
export function jsonBody(ctx: TCtx): unknown {
  if (ctx.rawBody.trim() === "") {
    throw new MonoError(400, [
      {
        code: "invalid_format",
        message: "The request body is empty; a JSON object is expected.",
        path: "#",
      },
    ]);
  }
  try {
    return JSON.parse(ctx.rawBody) as unknown;
  } catch {
    throw new MonoError(400, [
      { code: "invalid_format", message: "The request body is not valid JSON.", path: "#" },
    ]);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}
