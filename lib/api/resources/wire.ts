import { z } from "zod";
import { toJsonSafe } from "../json";

// Building blocks of the response schemas (lib/api/resources/*): what an answer looks like on the
// wire, after toJsonSafe (BigInt minor units → numbers, Dates → ISO strings). Pure: the browser
// takes its types from the same schemas.

export const ZIso = z.string();
export const ZMoney = z.number().int();

// A personal number as the console shows it: masked, so at most four digits in a row survive. The
// schema refuses anything else, so a serializer that forgot to mask fails loudly instead of
// leaking (a 500 whose details stay in the logs, masked too).
export const ZMasked = z
  .string()
  .refine((s) => !/\d{5,}/.test(s), "a personal number must be masked before it is answered");

export const ZPerson = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type TPerson = z.infer<typeof ZPerson>;

// Free-form JSON the console stored (audit details, evidence): always passed through maskPii.
export const ZJsonObject = z.record(z.string(), z.unknown());

/** JSON-safe, then parsed by the resource's schema: unknown fields are dropped, masks checked. */
export function present<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return schema.parse(toJsonSafe(value));
}
