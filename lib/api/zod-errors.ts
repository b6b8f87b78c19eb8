import type { z } from "zod";
import type { TFieldError } from "./app-error";

// Zod issues become field errors with JSON-pointer paths, the same convention as Mono's envelope.
export function fieldErrors(error: z.ZodError): TFieldError[] {
  return error.issues.slice(0, 50).map((i) => ({
    path: "/" + i.path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/"),
    message: i.message,
    code: i.code,
  }));
}
