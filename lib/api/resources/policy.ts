import { z } from "zod";
import { ZPolicySettings } from "../../guard/policy-schema";
import { present } from "./wire";

// The guard's policy in force (version 0: the defaults, before any admin edit). GET and PUT
// answer the same shape; the settings schema is the one the PUT body is parsed with.
export const ZPolicy = z.object({
  version: z.number().int(),
  settings: ZPolicySettings,
});
export type TPolicy = z.infer<typeof ZPolicy>;
export function presentPolicy(p: unknown) {
  return present(ZPolicy, p);
}
