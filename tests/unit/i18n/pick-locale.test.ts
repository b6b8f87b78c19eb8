import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LOCALES, pickLocale } from "@/i18n/locales";

describe("pickLocale", () => {
  it("takes the person's pick first", () => {
    expect(pickLocale("en", "es-CO,es;q=0.9")).toBe("en");
    expect(pickLocale("es-CO", "en-US")).toBe("es-CO");
  });
  it("then the browser's first language we speak, by q-value", () => {
    expect(pickLocale(undefined, "es-CO")).toBe("es-CO");
    expect(pickLocale(undefined, "es-MX,es;q=0.9")).toBe("es-CO");
    expect(pickLocale(undefined, "en")).toBe("en");
    expect(pickLocale(undefined, "en-US,en;q=0.9")).toBe("en");
    expect(pickLocale(undefined, "fr-FR,en;q=0.5,es;q=0.8")).toBe("es-CO");
    expect(pickLocale(undefined, "de, en;q=0")).toBe("es-CO");
  });
  it("else es-CO, whatever the cookie or header holds", () => {
    expect(pickLocale(undefined, null)).toBe("es-CO");
    expect(pickLocale("fr", "")).toBe("es-CO");
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (cookie, header) => {
        expect(LOCALES).toContain(pickLocale(cookie ?? undefined, header));
      }),
    );
  });
});
