import { getTranslations } from "next-intl/server";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ReadinessReport } from "@/components/readiness/readiness-report";

export async function generateMetadata() {
  return { title: (await getTranslations("readiness"))("title") };
}

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("settings.read", "/readiness", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="settings.read" />;
  const t = await getTranslations("readiness");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <ReadinessReport />
      </Card>
    </>
  );
}
