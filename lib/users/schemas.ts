import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { ZPasswordRule } from "../auth/password-rule";

export const ZRole = z.enum(ROLES);
export const ZPassword = z
  .string()
  .min(ZPasswordRule.min, `At least ${ZPasswordRule.min} characters`)
  .max(ZPasswordRule.max);

export const ZCreateUserInput = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(320),
  name: z.string().trim().min(1).max(120),
  role: ZRole,
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z
  .strictObject({
    role: ZRole.optional(),
    active: z.boolean().optional(),
    name: z.string().trim().min(1).max(120).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one of role, active, name");
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZUserIdParams = z.strictObject({
  id: z.string().regex(/^usr_[a-f0-9]{32}$/, "Not a user id"),
});
