import type { TDetailWords } from "./app-error";

// Details of the route wrapper's own refusals, worded from a stable code and params
// (errors.details.<code> in the catalogues; lib/guard/refusal-words.ts has the guard's). Pure module.

export type TInputPart = "path" | "query" | "body";
const PART: Record<TInputPart, string> = {
  path: "path",
  query: "query string",
  body: "request body",
};

/** 400 validation_failed: "The request body is invalid" (the field errors say why). */
export function invalidInputWords(where: TInputPart): TDetailWords {
  return {
    code: "invalid_input",
    params: { where },
    english: `The ${PART[where]} is invalid`,
  };
}

export const API_DETAIL_CODES = ["invalid_input"] as const;
