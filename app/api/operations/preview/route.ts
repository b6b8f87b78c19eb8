import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentPreview } from "@/lib/api/resources/reference";
import { previewOperation } from "@/lib/operations/preview-operation";

const ZPreviewQuery = z.strictObject({
  amount: z.coerce.number().int().positive().max(1e13),
  rail: z.enum(["co_ach", "co_mono_turbo", "co_transfiya", "co_breb", "ach", "turbo"]),
  rows: z.coerce.number().int().min(1).max(1000).default(1),
});

// What the guard will say before the operator submits: tier, approvals, step-up, fees, timing.
export const GET = withApi(
  { permission: "payouts.create", query: ZPreviewQuery },
  async ({ query }) => presentPreview(await previewOperation(query)),
);
