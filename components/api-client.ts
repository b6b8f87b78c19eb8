import type { TParamValue } from "@/lib/api/error-params";

// The browser's side of the console API: one fetch helper that forwards the abort signal and
// turns the problem+json error shape into a typed error the UI can show (with the request id).

/**
 * One field's problem (docs/ARCHITECTURE.md "One error shape"): a JSON-pointer path, the server's
 * English, and the stable code and params the browser words it from (errors.fields.<code>);
 * `schema_message`: the English is the schema's own words, not the code's sentence.
 */
export type TApiFieldError = {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, TParamValue>;
  schema_message?: boolean;
};

export type TApiProblem = {
  code: string;
  detail: string;
  status: number;
  request_id: string;
  errors?: TApiFieldError[];
  meta?: Record<string, unknown>;
};

export class ApiError extends Error {
  constructor(readonly problem: TApiProblem) {
    super(problem.detail);
    this.name = "ApiError";
  }
}

export async function apiFetch<T>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    signal?: AbortSignal;
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? "GET",
    signal: init.signal,
    headers: {
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    credentials: "same-origin",
  });
  const text = await res.text();
  const data = text ? safeJson(text) : null;
  if (!res.ok) {
    const p = (data ?? {}) as Partial<TApiProblem>;
    throw new ApiError({
      code: p.code ?? "http_" + res.status,
      detail: p.detail ?? `Request failed with status ${res.status}`,
      status: res.status,
      request_id: p.request_id ?? res.headers.get("x-request-id") ?? "",
      errors: p.errors,
      meta: p.meta,
    });
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
