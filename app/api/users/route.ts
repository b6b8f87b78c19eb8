import { withApi } from "@/lib/api/with-api";
import { presentNewUser, presentUserList } from "@/lib/api/resources/user";
import { listUsers } from "@/lib/users/list-users";
import { createUser } from "@/lib/users/create-user";
import { ZCreateUserInput } from "@/lib/users/schemas";
import { NextResponse } from "next/server";

export const GET = withApi({ permission: "users.manage" }, async () =>
  presentUserList(await listUsers()),
);

export const POST = withApi(
  { permission: "users.manage", body: ZCreateUserInput },
  async ({ body, audit }) => {
    return NextResponse.json(presentNewUser(await createUser(body, audit)), { status: 201 });
  },
);
