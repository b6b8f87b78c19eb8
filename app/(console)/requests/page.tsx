import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { RequestList } from "@/components/requests/request-list";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("requests"))("title") };
}

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("requests.read", "/requests", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  const t = await getTranslations("requests");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <Suspense>
          <RequestList />
        </Suspense>
      </Card>
    </>
  );
}
