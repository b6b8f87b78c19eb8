// zod → Mono's envelope. A missing field is 422 `missing_field`; a wrong type or format is 400
// `invalid_format`; size rules (1..1000 transfers) are 422 `validation_error`. Paths are JSON
// pointers ("#/transfers/0/amount/amount").
import { z } from "zod";
import type { TMonoCurrency } from "../lib/mono/contract";
import { MonoError, type TErrorDetail } from "./errors";

export const CURRENCIES = [
  "COP",
  "USD",
  "MXN",
  "CLP",
  "BRL",
  "PEN",
  "EUR",
] as const satisfies readonly TMonoCurrency[];
/** Per transfer / payout: COP 500,000,000.00 (sandbox limit, documented). */
export const MAX_AMOUNT_MINOR = 50_000_000_000;

export const ZMoney = z.object({ amount: z.number(), currency: z.enum(CURRENCIES) });
export const ZOptText = (max: number) => z.string().max(max).nullish();

export function pointer(path: readonly PropertyKey[]): string {
  return "#" + path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

export function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  const details: TErrorDetail[] = [];
  let status = 422;
  for (const issue of r.error.issues) {
    const path = pointer(issue.path);
    if (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined) {
      details.push({
        code: "missing_field",
        message: "The field is missing on the request body or parameters.",
        path,
      });
    } else if (
      (issue.code === "too_small" || issue.code === "too_big") &&
      issue.origin === "array"
    ) {
      details.push({ code: "validation_error", message: issue.message, path });
    } else {
      status = 400;
      details.push({
        code: "invalid_format",
        message: `The field contains an invalid format. ${issue.message}`,
        path,
      });
    }
  }
  throw new MonoError(status, details);
}

/** Business checks on a money amount (422): a positive integer within the sandbox's limit. */
export function checkAmount(
  amount: number,
  path: string,
  max = MAX_AMOUNT_MINOR,
): TErrorDetail | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return {
      code: "invalid_amount",
      message: "The amount must be a positive integer in minor units.",
      path,
    };
  }
  if (amount > max)
    return {
      code: "amount_exceeds_limit",
      message: `The amount exceeds the limit of ${max} minor units.`,
      path,
    };
  return null;
}
