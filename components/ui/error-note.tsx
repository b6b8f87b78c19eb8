"use client";

import { useTranslations } from "next-intl";
import { ApiError } from "../api-client";

// Shows an API error the way support needs it: the sentence for its stable code in the person's
// language (errors.codes.<code>), the server's own detail (amounts, limits, fields), and the
// request id. An unknown code shows the server's detail alone.
export function ErrorNote({ error }: { error: unknown }) {
  const t = useTranslations("errors");
  if (!error) return null;
  const p = error instanceof ApiError ? error.problem : null;
  const known = p && t.has(`codes.${p.code}`);
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      data-code={p?.code}
    >
      <p>{known ? t(`codes.${p.code}` as "codes.not_found") : p ? p.detail : t("fallback")}</p>
      {known && p.detail ? <p className="mt-1 text-xs">{p.detail}</p> : null}
      {p?.errors?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {p.errors.map((e) => (
            <li key={e.path + e.message}>
              <code>{e.path}</code>: {e.message}
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
