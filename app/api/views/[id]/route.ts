import { withApi } from "@/lib/api/with-api";
import { presentViews } from "@/lib/api/resources/view";
import { deleteView, ZViewParams } from "@/lib/views/saved-views";

// Deletes a saved view: its owner, or an admin for a shared one (audited).
export const DELETE = withApi(
  { permission: "views.write", params: ZViewParams },
  async ({ params, user, audit }) => presentViews(await deleteView(params.id, user, audit)),
);
