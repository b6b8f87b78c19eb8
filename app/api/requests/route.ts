import { withApi } from "@/lib/api/with-api";
import { presentRequestPage } from "@/lib/api/resources/request-log";
import { listRequests } from "@/lib/investigation/list-requests";
import { ZRequestFilters } from "@/lib/investigation/request-filters";

export const GET = withApi(
  { permission: "requests.read", query: ZRequestFilters },
  async ({ query }) => presentRequestPage(await listRequests(query)),
);
