"use client";

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { paramValues } from "@/lib/api/error-params";
import { ApiError, type TApiProblem } from "../api-client";
import { useFieldErrorText } from "../forms/validation-text";

/**
 * A problem's detail in the person's language: the sentence of its stable code
 * (errors.details.<meta.detail_code> with meta.detail_params, amounts written by lib/format), or
 * the server's English detail when the code or its params are unknown here.
 */
export function useDetailText() {
  const t = useTranslations("errors");
  return useCallback(
    (p: Pick<TApiProblem, "detail" | "meta">): string => {
      const code = p.meta?.detail_code;
      if (typeof code !== "string" || !t.has(`details.${code}`)) return p.detail;
      const values = paramValues(p.meta?.detail_params);
      return values ? t(`details.${code}`, values) : p.detail;
    },
    [t],
  );
}

// Shows an API error the way support needs it: the sentence for its stable code in the person's
// language (errors.codes.<code>), the detail (amounts, limits) and each field's problem in the
// person's language too when their codes are known (the server's English otherwise), and the
// request id. An unknown code shows the detail alone.
export function ErrorNote({ error }: { error: unknown }) {
  const t = useTranslations("errors");
  const detailText = useDetailText();
  const fieldText = useFieldErrorText();
  if (!error) return null;
  const p = error instanceof ApiError ? error.problem : null;
  const known = p && t.has(`codes.${p.code}`);
  const detail = p ? detailText(p) : null;
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      data-code={p?.code}
    >
      <p>{known ? t(`codes.${p.code}` as "codes.not_found") : p ? detail : t("fallback")}</p>
      {known && detail ? (
        <p className="mt-1 text-xs" data-testid="error-detail">
          {detail}
        </p>
      ) : null}
      {p?.errors?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {p.errors.map((e) => (
            <li key={e.path + e.message} data-code={e.code}>
              <code>{e.path}</code>: {fieldText(e)}
            </li>
          ))}
        </ul>
      ) : null}
      {p?.request_id ? (
        <p className="mt-1 text-xs text-red-700">
          {t.rich("requestId", { id: p.request_id, code: (c) => <code>{c}</code> })}
        </p>
      ) : null}
    </div>
  );
}
