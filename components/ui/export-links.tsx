"use client";

import { useState } from "react";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { ApiError, type TApiProblem } from "../api-client";
import { useFormat } from "../i18n/use-format";
import { ErrorNote } from "./error-note";

// A list's export: every row that matches its filters (the server streams them all, not the page
// on screen), as the machine CSV or the spreadsheet form for es-CO. The server says how many rows
// first (X-Row-Count); the button counts them as they arrive, so a large export shows its progress
// ("12.500 of 100.000 rows") and then saves the file under the server's name.
export function ExportLinks({ href }: { href: string }) {
  const t = useTranslations("common.export");
  const f = useFormat();
  const [progress, setProgress] = useState<{ rows: number; total: number } | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(format: "machine" | "es-CO") {
    const url = format === "es-CO" ? `${href}${href.includes("?") ? "&" : "?"}format=es-CO` : href;
    setError(null);
    setDone(null);
    try {
      const res = await fetch(url, { credentials: "same-origin" });
      if (!res.ok || !res.body) {
        const p = (await res.json().catch(() => ({}))) as Partial<TApiProblem>;
        throw new ApiError({
          code: p.code ?? `http_${res.status}`,
          detail: p.detail ?? `HTTP ${res.status}`,
          status: res.status,
          request_id: p.request_id ?? res.headers.get("x-request-id") ?? "",
        });
      }
      const total = Number(res.headers.get("x-row-count") ?? 0);
      const name =
        /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ??
        "export.csv";
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      setProgress({ rows: 0, total });
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        chunks.push(value);
        for (const b of value) if (b === 10) lines++;
        setProgress({ rows: Math.max(0, lines - 1), total });
      }
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: "text/csv" }));
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setDone(Math.max(0, lines - 1));
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  const busy = progress !== null;
  const button =
    "inline-flex items-center gap-1 rounded-md px-2 py-1 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50";
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <span role="status" aria-live="polite" data-testid="export-status">
        {progress
          ? t("progress", { rows: f.number(progress.rows), total: f.number(progress.total) })
          : done !== null
            ? t("done", { rows: f.number(done) })
            : ""}
      </span>
      <button
        type="button"
        className={button}
        disabled={busy}
        onClick={() => void download("machine")}
        data-testid="export-csv"
        title={t("csvHint")}
      >
        <Download className="h-3.5 w-3.5" aria-hidden /> {t("csv")}
      </button>
      <button
        type="button"
        className={button}
        disabled={busy}
        onClick={() => void download("es-CO")}
        data-testid="export-spreadsheet"
        title={t("spreadsheetHint")}
      >
        <Download className="h-3.5 w-3.5" aria-hidden /> {t("spreadsheet")}
      </button>
      {error ? (
        <div className="basis-full">
          <ErrorNote error={error} />
        </div>
      ) : null}
    </div>
  );
}
