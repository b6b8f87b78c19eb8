import { withApi } from "@/lib/api/with-api";
import { presentOperationPage } from "@/lib/api/resources/operation";
import { ZOperationFilters } from "@/lib/operations/list-filters";
import { listOperations } from "@/lib/operations/list-operations";

export const GET = withApi(
  { permission: "operations.read", query: ZOperationFilters },
  async ({ query, user }) => presentOperationPage(await listOperations(query, user.id)),
);
