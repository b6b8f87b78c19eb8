import type { z } from "zod";
import type { TFieldError } from "./app-error";
import { fieldEnglish, fieldIssue } from "./field-issue";

// Zod issues become field errors with JSON-pointer paths, the same convention as Mono's envelope,
// each with its stable code and params (lib/api/field-issue.ts). Parse with `fieldErrorMap` and
// `reportInput: true` (lib/api/with-api.ts) so that unworded issues carry the code's English and a
// missing field reads "Required"; the input itself is never copied into the error.
export function fieldErrors(error: z.ZodError): TFieldError[] {
  return error.issues.slice(0, 50).map((i) => {
    const { code, params } = fieldIssue(i);
    return {
      path: "/" + i.path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/"),
      message: i.message,
      code,
      params,
      ...(i.message !== fieldEnglish(code, params) ? { schema_message: true as const } : {}),
    };
  });
}
