import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";

export const metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("users.manage", "/users", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="users.manage" />;
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in and what their role allows. Changing a role or disabling a user ends their sessions at once; every change is audited."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Add a user"
            description="A temporary password is shown once after creation."
          />
          <CreateUserForm />
        </Card>
        <Card>
          <CardHeader title="All users" />
          <UsersTable currentUserId={user.id} />
        </Card>
      </div>
    </>
  );
}
