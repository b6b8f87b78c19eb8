import { withApi } from "@/lib/api/with-api";
import { presentOverview } from "@/lib/api/resources/overview";
import { getOverview } from "@/lib/metrics/overview";

export const GET = withApi({ permission: "overview.read" }, async ({ user }) =>
  presentOverview(await getOverview(user)),
);
