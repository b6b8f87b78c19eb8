import { describe, expect, it } from "vitest";
import { renderHook } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { formatCop, minorToPesosInput } from "@/components/money/format";
import { parsePesos } from "@/components/money/parse";
import { formatDateTime, formatDuration, formatNumber, formatPercent } from "@/lib/format/format";
import { useFormat } from "@/components/i18n/use-format";
import { errorRate, TZ_NAME, type TTimeZone } from "@/components/charts/time-format";
import {
  bucketClick,
  formatTick,
  timeAxisProps,
  timeTooltipLabel,
  type TAxisFormat,
} from "@/components/charts/time-axis";
import type { TLocale } from "@/i18n/locales";
import { messagesOf } from "./render";
import { groupEvents } from "@/components/investigation/operation-timeline";
import type { TTimelineEvent } from "@/components/investigation/api";

describe("money helpers", () => {
  it("format COP minor units with es-CO grouping and exact cents", () => {
    expect(formatCop(5_000_000_00)).toBe("$ 5.000.000");
    expect(formatCop(5_000_000_50)).toBe("$ 5.000.000,50");
    expect(formatCop(-1_234_56)).toBe("-$ 1.234,56");
    expect(minorToPesosInput(1_234_56)).toBe("1.234,56");
  });
  it("read what a person types back into the same minor units", () => {
    for (const v of [1, 99, 100, 5_000_000_50, 123_456_789_01])
      expect(parsePesos(formatCop(v))).toEqual({ ok: true, minor: v });
    expect(parsePesos("5.000.000")).toEqual({ ok: true, minor: 5_000_000_00 });
    expect(parsePesos("abc").ok).toBe(false);
  });
});

// The formatters a chart gets: useFormat bound to a language and the chart's zone.
function chartFormat(locale: TLocale, tz: TTimeZone) {
  const wrapper = ({ children }: { children: React.ReactNode }) => (
    <NextIntlClientProvider locale={locale} messages={messagesOf(locale)} timeZone="America/Bogota">
      {children}
    </NextIntlClientProvider>
  );
  const f: TAxisFormat & ReturnType<typeof useFormat> = renderHook(() => useFormat(TZ_NAME[tz]), {
    wrapper,
  }).result.current;
  return f;
}

describe("date and duration helpers", () => {
  const t = Date.UTC(2026, 11, 4, 17, 5, 9); // 12:05:09 in Bogotá (UTC−5, no DST)
  it("show Bogotá time by default and UTC when asked", () => {
    expect(formatDateTime(new Date(t).toISOString(), { locale: "es-CO" })).toBe(
      "4/12/2026, 12:05:09 p. m. COT",
    );
    expect(formatDateTime(new Date(t), { locale: "en", timeZone: "UTC" })).toBe(
      "12/4/2026, 5:05:09 PM UTC",
    );
    expect(formatDateTime(null, { locale: "en" })).toBe("—");
    expect(formatDateTime("not a date", { locale: "en" })).toBe("—");
    expect(timeTooltipLabel(chartFormat("en", "bogota"))(t)).toBe("12/4/2026, 12:05:09 PM COT");
    expect(timeTooltipLabel(chartFormat("en", "utc"))(t)).toBe("12/4/2026, 5:05:09 PM UTC");
    expect(formatTick(t, chartFormat("es-CO", "bogota"), 60)).toBe("12:05");
    expect(formatDuration(850, { locale: "en" })).toBe("850 ms");
    expect(formatDuration(1_500, { locale: "es-CO" })).toBe("1,5 s");
    expect(formatDuration(200_000, { locale: "es-CO" })).toBe("3 min 20 s");
    expect(formatDuration(3244.2 * 86_400_000, { locale: "es-CO" })).toBe("3.244 días");
    expect(formatDuration(3244.2 * 86_400_000, { locale: "en" })).toBe("3,244 days");
    expect(formatDuration(-5, { locale: "en" })).toBe("0 ms");
    expect(formatDuration(null, { locale: "en" })).toBe("—");
    expect(formatNumber(84_974_510, { locale: "es-CO" })).toBe("84.974.510");
    expect(formatNumber(84_974_510, { locale: "en" })).toBe("84,974,510");
    expect(formatPercent(0.0123, { locale: "en" })).toBe("1.23%");
  });
  it("give every chart the same time axis and tooltip label", () => {
    const axis = timeAxisProps(chartFormat("en", "utc"), 3_600);
    expect(axis).toMatchObject({ dataKey: "t", type: "number", scale: "time" });
    // Hourly steps: the day and month in the person's order, then the hour.
    expect(axis.tickFormatter(t)).toBe("12/4 17:05");
    expect(timeAxisProps(chartFormat("es-CO", "bogota"), 3_600).tickFormatter(t)).toBe(
      "4/12 12:05",
    );
    expect(timeTooltipLabel(chartFormat("es-CO", "bogota"))(t)).toMatch(/COT$/);
    const got: number[] = [];
    bucketClick((x) => got.push(x))({ activeLabel: t });
    bucketClick((x) => got.push(x))({ activeLabel: "not a time" });
    expect(got).toEqual([t]);
  });
  it("write error rates and latencies in the person's language", () => {
    const en = chartFormat("en", "bogota");
    const es = chartFormat("es-CO", "bogota");
    expect(errorRate(en, 0.0025)).toBe("0.25%");
    expect(errorRate(es, 0.125)).toMatch(/^12,5 ?%$/);
    expect(errorRate(es, null)).toBe("—");
    expect(es.duration(1_500)).toBe("1,5 s");
    expect(en.duration(3244.2 * 86_400_000)).toBe("3,244 days");
    expect(es.duration(3244.2 * 86_400_000)).toBe("3.244 días");
  });
});

describe("timeline grouping", () => {
  const ev = (i: number, over: Partial<TTimelineEvent> = {}): TTimelineEvent => ({
    at: new Date(t0 + i * 1000).toISOString(),
    kind: "webhook",
    title: "Webhook transfer.updated",
    titleCode: "webhook",
    titleParams: { type: "transfer.updated" },
    actor: "Mono",
    tone: "neutral",
    ids: {},
    details: { processing: "ignored_stale" },
    ...over,
  });
  const t0 = Date.UTC(2026, 11, 4, 12);
  it("collapses identical webhook lines into one group at the first one's place", () => {
    const events = [
      ev(0, { kind: "created", title: "Created", titleCode: "created", titleParams: {} }),
      ...Array.from({ length: 200 }, (_, i) => ev(i + 1)),
      ev(300, { details: { processing: "applied" } }),
    ];
    const items = groupEvents(events);
    expect(items.map((i) => i.kind)).toEqual(["event", "group", "event"]);
    expect(items[1].kind === "group" && items[1].events.length).toBe(200);
  });
  it("leaves fewer than three alike, and other kinds, as they are", () => {
    const items = groupEvents([
      ev(1),
      ev(2),
      ev(3, { kind: "attempt" }),
      ev(4, { kind: "attempt" }),
      ev(5, { kind: "attempt" }),
    ]);
    expect(items.every((i) => i.kind === "event")).toBe(true);
  });
});
