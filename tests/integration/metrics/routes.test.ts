import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";
import type { TRouteHandler } from "@/lib/api/with-api";

// lib/env is read once, at its first import: the token must be set before any import runs.
const TOKEN = vi.hoisted(() => {
  const t = "metrics-token-itest-0123456789";
  process.env.METRICS_TOKEN = t;
  return t;
});

let metrics: TRouteHandler;
let charts: TRouteHandler;
let viewer: TTestUser;

beforeAll(async () => {
  metrics = (await import("@/app/api/metrics/route")).GET;
  charts = (await import("@/app/api/charts/requests/route")).GET;
  viewer = (await makeUser({ role: "viewer" })).user;
});

describe("GET /api/metrics", () => {
  it("refuses a missing or wrong bearer token with 401", async () => {
    expect((await callRoute(metrics, { path: "/api/metrics" })).status).toBe(401);
    expect(
      (
        await callRoute(metrics, {
          path: "/api/metrics",
          headers: { authorization: "Bearer nope" },
        })
      ).status,
    ).toBe(401);
  });

  it("serves Prometheus text with request counters, latency histogram and webhook results", async () => {
    const r = await callRoute(metrics, {
      path: "/api/metrics",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = String(r.json.raw);
    for (const name of [
      "mono_requests_total",
      "mono_request_duration_seconds",
      "mono_request_retries_total",
      "mono_webhook_events_total",
      "console_job_queue_depth",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});

describe("GET /api/charts/requests", () => {
  it("answers every range with a dense series and refuses an unknown range", async () => {
    for (const range of ["15m", "1h", "6h", "24h", "7d", "30d"]) {
      const r = await callRoute(charts, {
        user: viewer,
        path: `/api/charts/requests?range=${range}`,
      });
      expect(r.status).toBe(200);
      expect((r.json.points as unknown[]).length).toBeGreaterThan(10);
    }
    expect(
      (await callRoute(charts, { user: viewer, path: "/api/charts/requests?range=2y" })).status,
    ).toBe(400);
  });
});
