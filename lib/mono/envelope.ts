import "server-only";
import { z } from "zod";
import { MonoApiError, type TMonoErrorItem } from "./errors";

// Mono's error envelope (docs/SANDBOX.md "Errors", docs/DESIGN.md P17):
//   {code: "400 Bad Request", message, id: "log_…", errors: [{error_code, message, path, url}]}
// Parsing is deliberately forgiving: a proxy's HTML page, an empty body or a hostile payload must
// still become a MonoApiError with the HTTP status, never an exception in our code.

const MAX_TEXT = 500; // error text ends up in logs and UI; bound it

const ZText = z
  .string()
  .transform((s) => s.slice(0, MAX_TEXT))
  .nullish()
  .catch(null);

const ZItem = z
  .object({ error_code: ZText, message: ZText, path: ZText })
  .catch({ error_code: null, message: null, path: null });

const ZEnvelope = z.object({
  code: ZText,
  message: ZText,
  id: ZText,
  errors: z.array(ZItem).catch([]).nullish(),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type TParsedEnvelope = {
  message: string | null;
  logId: string | null;
  errors: TMonoErrorItem[];
};

export function parseEnvelope(body: unknown): TParsedEnvelope {
  const parsed = ZEnvelope.safeParse(body);
  if (!parsed.success) return { message: null, logId: null, errors: [] };
  const { message, id, errors } = parsed.data;
  return {
    message: message ?? null,
    // Only a log_ id is Mono's; anything else in `id` is not something support can look up.
    logId: id && /^log_[\w-]{1,64}$/.test(id) ? id : null,
    errors: (errors ?? []).slice(0, 50).map((e) => ({
      errorCode: e.error_code ?? null,
      message: e.message ?? null,
      path: e.path ?? null,
    })),
  };
}

/** Builds the typed error for a non-2xx answer. Never throws, whatever the body holds. */
export function apiErrorFrom(
  status: number,
  bodyText: string,
  headerLogId: string | null,
  retryAfterMs: number | null,
): MonoApiError {
  const env = parseEnvelope(safeJson(bodyText));
  const first = env.errors[0];
  const message = env.message ?? first?.message ?? `Mono answered HTTP ${status}`;
  return new MonoApiError(
    status,
    first?.errorCode ?? null,
    message,
    first?.path ?? null,
    env.logId ?? headerLogId,
    env.errors,
    retryAfterMs,
  );
}
