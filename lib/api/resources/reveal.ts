import { z } from "zod";
import { wordedRule } from "../field-issue";

// The body of every audited reveal (operations, webhook events): why the person needs the clear
// numbers. Recorded in the audit log with their name.
export const ZRevealInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .max(500)
    .refine((s) => s.length >= 5, wordedRule("say_why", { minimum: 5 })),
});
