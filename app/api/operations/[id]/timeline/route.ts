import { withApi } from "@/lib/api/with-api";
import { presentTimeline } from "@/lib/api/resources/investigation";
import { ZOperationIdParams as ZParams } from "@/lib/operations/schemas";
import { buildTimeline } from "@/lib/investigation/build-timeline";

export const GET = withApi({ permission: "operations.read", params: ZParams }, async ({ params }) =>
  presentTimeline(await buildTimeline(params.id)),
);
