import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { LOCALES } from "@/i18n/locales";
import { NAMESPACES } from "@/i18n/namespaces";

// Both languages hold the same keys, every message parses as ICU MessageFormat with the same
// arguments in both, and no namespace file exists that the console does not load.
const load = (locale: string, ns: string) =>
  JSON.parse(readFileSync(path.resolve("messages", locale, `${ns}.json`), "utf8")) as Record<
    string,
    unknown
  >;

function leaves(o: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else if (v && typeof v === "object")
      for (const [kk, vv] of leaves(v as Record<string, unknown>, key)) out.set(kk, vv);
    else throw new Error(`${key}: a message must be a string or an object, not ${typeof v}`);
  }
  return out;
}

// The argument names a message uses ({name}, {count, plural, …}, <tag>…</tag>).
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (els: unknown[]) => {
    for (const el of els as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
      children?: unknown[];
    }[]) {
      if (el.value && el.type !== 0 && el.type !== 7) names.add(el.value);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: false }).getAst());
  return [...names].sort();
}

describe("the catalogues", () => {
  it("have a file per namespace and language, and no stray files", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.resolve("messages", locale)).map((f) =>
        f.replace(/\.json$/, ""),
      );
      expect(files.sort()).toEqual([...NAMESPACES].sort());
    }
  });

  for (const ns of NAMESPACES)
    it(`${ns}: the same keys and arguments in es-CO and en`, () => {
      const [es, en] = [leaves(load("es-CO", ns)), leaves(load("en", ns))];
      expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, message] of en) {
        expect(argumentsOf(es.get(key)!, "es-CO"), `${ns}.${key}`).toEqual(
          argumentsOf(message, "en"),
        );
        expect(es.get(key)!.trim(), `${ns}.${key} is empty in es-CO`).not.toBe("");
      }
    });
});
