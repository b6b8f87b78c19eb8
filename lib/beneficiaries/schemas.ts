import { z } from "zod";

// The opaque key of a beneficiary page: ben_ and 32 hex characters (migration 20261204181500).
export const BENEFICIARY_ID_RE = /^ben_[0-9a-f]{32}$/;
export const ZBeneficiaryParams = z.strictObject({
  key: z.string().regex(BENEFICIARY_ID_RE, "A beneficiary key (ben_…)"),
});
