import { withApi } from "@/lib/api/with-api";
import { listUsers } from "@/lib/users/list-users";
import { createUser } from "@/lib/users/create-user";
import { ZCreateUserInput } from "@/lib/users/schemas";
import { NextResponse } from "next/server";
import { toJsonSafe } from "@/lib/api/json";

export const GET = withApi({ permission: "users.manage" }, async () => ({
  users: await listUsers(),
}));

export const POST = withApi(
  { permission: "users.manage", body: ZCreateUserInput },
  async ({ body, audit }) => {
    const { user, temporaryPassword } = await createUser(body, audit);
    return NextResponse.json(toJsonSafe({ user, temporaryPassword }), { status: 201 });
  },
);
