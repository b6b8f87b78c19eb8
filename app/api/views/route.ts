import { withApi } from "@/lib/api/with-api";
import { presentViews } from "@/lib/api/resources/view";
import { listViews, saveView, ZNewView, ZViewList } from "@/lib/views/saved-views";

// My saved views of a list and the shared ones (?list=payouts).
export const GET = withApi(
  { permission: "views.read", query: ZViewList },
  async ({ query, user }) => presentViews(await listViews(query.list, user)),
);

// Saves the current filters of a list under a name, private or shared (audited).
export const POST = withApi(
  { permission: "views.write", body: ZNewView },
  async ({ body, user, audit }) => presentViews(await saveView(body, user, audit)),
);
