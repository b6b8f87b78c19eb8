import "server-only";
import { NextResponse } from "next/server";
import type { AppError, TFieldError } from "./app-error";
import { toJsonSafe } from "./json";

export type TProblem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  request_id: string;
  errors?: TFieldError[];
  // meta.detail_code and meta.detail_params: the stable code and params of `detail`'s words.
  meta?: Record<string, unknown>;
};

// The console API's one error shape (RFC 9457 problem+json with a stable `code` and the request id).
export function problemResponse(err: AppError, requestId: string): NextResponse {
  return new NextResponse(JSON.stringify(problemBody(err, requestId)), {
    status: err.status,
    headers: {
      "content-type": "application/problem+json",
      "x-request-id": requestId,
      ...(err.extra.headers ?? {}),
    },
  });
}

export function problemBody(err: AppError, requestId: string): TProblem {
  const { detail } = err.extra;
  const meta =
    err.extra.meta || detail
      ? {
          ...err.extra.meta,
          ...(detail ? { detail_code: detail.code, detail_params: detail.params } : {}),
        }
      : undefined;
  return {
    type: `/docs/errors#${err.code}`,
    title: err.code.replace(/_/g, " "),
    status: err.status,
    code: err.code,
    detail: err.message,
    request_id: requestId,
    ...(err.extra.errors ? { errors: err.extra.errors } : {}),
    ...(meta ? { meta: toJsonSafe(meta) as Record<string, unknown> } : {}),
  };
}
