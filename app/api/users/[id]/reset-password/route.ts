import { withApi } from "@/lib/api/with-api";
import { presentPasswordReset } from "@/lib/api/resources/user";
import { resetPassword } from "@/lib/users/reset-password";
import { ZUserIdParams } from "@/lib/users/schemas";

export const POST = withApi(
  { permission: "users.manage", params: ZUserIdParams },
  async ({ params, audit }) => presentPasswordReset(await resetPassword(params.id, audit)),
);
