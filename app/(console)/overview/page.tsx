import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Overview } from "@/components/overview/overview";

export async function generateMetadata() {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("overview.read", "/overview", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="overview.read" />;
  const t = await getTranslations("overview");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense>
        <Overview />
      </Suspense>
    </>
  );
}
