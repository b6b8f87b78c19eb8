import { withApi } from "@/lib/api/with-api";
import { updateUser } from "@/lib/users/update-user";
import { ZUpdateUserInput, ZUserIdParams } from "@/lib/users/schemas";

export const PATCH = withApi(
  { permission: "users.manage", params: ZUserIdParams, body: ZUpdateUserInput },
  async ({ params, body, audit }) => ({ user: await updateUser(params.id, body, audit) }),
);
