import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AlertsList } from "@/components/alerts/alerts-list";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("alerts.read", "/alerts", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="alerts.read" />;
  const t = await getTranslations("alerts");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <Suspense>
          <AlertsList canManage={can(user.role, "alerts.manage")} />
        </Suspense>
      </Card>
    </>
  );
}
