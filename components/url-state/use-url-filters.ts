"use client";

import { parseAsString, useQueryStates } from "nuqs";
import { useMemo } from "react";
import type { z } from "zod";
import { parsersFromSchema, serializeValue } from "./zod-parsers";

type TObject = z.ZodObject<z.ZodRawShape>;
export type TUrlFilters<S extends TObject, K extends keyof z.output<S> & string> = Partial<
  Pick<z.output<S>, K>
>;

// The one reader of URL state for every list, chart and view switch: the keys of a zod schema
// (the same one the API parses), read and written through nuqs. A link pasted by a colleague
// shows exactly what they saw; a hand-edited bad value is ignored (and reported as `invalid`).
export function useUrlFilters<S extends TObject, K extends keyof z.output<S> & string>(
  schema: S,
  keys: readonly K[],
) {
  const keyId = keys.join(",");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the keys are a constant per caller
  const parsers = useMemo(() => parsersFromSchema(schema, keys), [schema, keyId]);
  const rawParsers = useMemo(
    () => Object.fromEntries(keys.map((k) => [k, parseAsString])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
    [keyId],
  );
  const opts = { history: "replace" as const, scroll: false };
  const [values, setValues] = useQueryStates(parsers, opts);
  const [raw] = useQueryStates(rawParsers, opts);

  const { filters, invalid } = useMemo(() => {
    const out: Record<string, unknown> = {};
    let bad = false;
    for (const k of keys) {
      const v = (values as Record<string, unknown>)[k];
      if (v !== null && v !== undefined) out[k] = v;
      const r = (raw as Record<string, string | null>)[k];
      if (r !== null && r !== undefined && r !== "" && (v === null || v === undefined)) bad = true;
      else if (r && v !== null && v !== undefined && serializeValue(v) !== r) {
        // The URL held a value the schema reads differently (e.g. an unknown list item).
        const field = schema.shape[k] as z.ZodType;
        if (!field.safeParse(r).success) bad = true;
      }
    }
    return { filters: out as TUrlFilters<S, K>, invalid: bad };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- values/raw carry the URL
  }, [values, raw, keyId]);

  /** Replaces every key of this schema in the URL (absent keys are removed). */
  function setFilters(next: TUrlFilters<S, K>) {
    const patch: Record<string, unknown> = {};
    for (const k of keys) {
      const v = (next as Record<string, unknown>)[k];
      patch[k] = v === undefined || v === "" || (Array.isArray(v) && v.length === 0) ? null : v;
    }
    return setValues(patch as never);
  }
  /** Changes some keys and keeps the others. */
  function patchFilters(next: TUrlFilters<S, K>) {
    return setFilters({ ...filters, ...next });
  }
  return { filters, invalid, setFilters, patchFilters };
}
