import { getTranslations } from "next-intl/server";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("users.manage", "/users", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="users.manage" />;
  const t = await getTranslations("users");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("add.title")} description={t("add.description")} />
          <CreateUserForm />
        </Card>
        <Card>
          <CardHeader title={t("all")} />
          <UsersTable currentUserId={user.id} />
        </Card>
      </div>
    </>
  );
}
