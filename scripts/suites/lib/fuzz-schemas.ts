// The body schemas the fuzzer knows, to skip a generated body that is valid after all (it would
// run the handler and write). Routes not listed here are checked after the fact (a 2xx answer).
import { z } from "zod";
import {
  ZCancelInput,
  ZDecisionInput,
  ZEditPayoutInput,
  ZPayoutInput,
  ZTransfersInput,
} from "@/lib/operations/schemas";
import { ZCreateUserInput } from "@/lib/users/schemas";

export function fuzzSchemas(): Record<string, z.ZodType> {
  return {
    "POST /api/operations/payouts": ZPayoutInput,
    "POST /api/operations/transfers": ZTransfersInput,
    "PATCH /api/operations/[id]": ZEditPayoutInput,
    "POST /api/operations/[id]/decision": ZDecisionInput,
    "POST /api/operations/[id]/cancel": ZCancelInput,
    "POST /api/users": ZCreateUserInput,
    // Declared inline in app/api/auth/step-up/route.ts (a wrong password is audited: a valid shape).
    "POST /api/auth/step-up": z.strictObject({ password: z.string().min(1).max(200) }),
    // Inline in app/api/mono/breb-resolve/route.ts: a valid shape asks Mono (and logs the request).
    "POST /api/mono/breb-resolve": z.strictObject({
      sourceAccountId: z.string().regex(/^lacc_[A-Za-z0-9]{22}$/),
      key: z.string().trim().min(6).max(64),
    }),
  };
}
