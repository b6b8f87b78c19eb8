import { timingSafeEqual } from "node:crypto";
import { withApi } from "@/lib/api/with-api";
import { AppError } from "@/lib/api/app-error";
import { consoleWords } from "@/lib/api/console-words";
import { env } from "@/lib/env";
import { collectMetrics } from "@/lib/metrics/collect-metrics";
import { renderPrometheus } from "@/lib/metrics/prometheus";

// Prometheus scrape endpoint. Not a session route: a scraper has no user, it sends
// `Authorization: Bearer $METRICS_TOKEN`. Without METRICS_TOKEN configured the endpoint does not
// exist (404): metrics are never public by accident (docs/MONITORING.md).
function tokenMatches(header: string | null, token: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

export const GET = withApi({ permission: "public" }, async ({ req }) => {
  if (!env.METRICS_TOKEN) throw AppError.worded("not_found", consoleWords("metrics_disabled"));
  if (!tokenMatches(req.headers.get("authorization"), env.METRICS_TOKEN)) {
    throw AppError.worded("unauthenticated", consoleWords("metrics_token_required"), {
      headers: { "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  const text = renderPrometheus(await collectMetrics());
  return new Response(text, {
    headers: {
      "content-type": "text/plain; version=0.0.4; charset=utf-8",
      "cache-control": "no-store",
    },
  });
});
