import { describe, expect, it } from "vitest";
import { renderHook } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { formatCop, minorToPesosInput } from "@/components/money/format";
import { parsePesos } from "@/components/money/parse";
import { formatMs, formatWhen } from "@/components/operations/format-time";
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
    expect(formatWhen(new Date(t).toISOString())).toMatch(/12:05:09/);
    expect(formatWhen(null)).toBe("—");
    expect(timeTooltipLabel(chartFormat("en", "bogota"))(t)).toBe("12/4/2026, 12:05:09 PM COT");
    expect(timeTooltipLabel(chartFormat("en", "utc"))(t)).toBe("12/4/2026, 5:05:09 PM UTC");
    expect(formatTick(t, chartFormat("es-CO", "bogota"), 60)).toBe("12:05");
    expect(formatMs(850)).toBe("850 ms");
    expect(formatMs(1_500)).toBe("1.50 s");
    expect(formatMs(null)).toBe("—");
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
    actor: "Mono",
    tone: "neutral",
    ids: {},
    details: { processing: "ignored_stale" },
    ...over,
  });
  const t0 = Date.UTC(2026, 11, 4, 12);
  it("collapses identical webhook lines into one group at the first one's place", () => {
    const events = [
      ev(0, { kind: "created", title: "Created" }),
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
