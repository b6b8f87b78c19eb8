import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentRequestDetail } from "@/lib/api/resources/request-log";
import { getRequest } from "@/lib/investigation/get-request";

const ZParams = z.strictObject({
  requestId: z.string().regex(/^req_[0-9A-Za-z]{6,40}$/, "a req_ id"),
});

export const GET = withApi({ permission: "requests.read", params: ZParams }, async ({ params }) =>
  presentRequestDetail(await getRequest(params.requestId)),
);
