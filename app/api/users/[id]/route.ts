import { withApi } from "@/lib/api/with-api";
import { presentUserChange } from "@/lib/api/resources/user";
import { updateUser } from "@/lib/users/update-user";
import { ZUpdateUserInput, ZUserIdParams } from "@/lib/users/schemas";

export const PATCH = withApi(
  { permission: "users.manage", params: ZUserIdParams, body: ZUpdateUserInput },
  async ({ params, body, audit }) => presentUserChange(await updateUser(params.id, body, audit)),
);
