import { z } from "zod";

// The body of every audited reveal (operations, webhook events): why the person needs the clear
// numbers. Recorded in the audit log with their name.
export const ZRevealInput = z.strictObject({
  reason: z.string().trim().min(5, "Say why (at least 5 characters)").max(500),
});
