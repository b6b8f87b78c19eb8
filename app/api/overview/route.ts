import { withApi } from "@/lib/api/with-api";
import { getOverview } from "@/lib/metrics/overview";

export const GET = withApi({ permission: "overview.read" }, async ({ user }) => getOverview(user));
