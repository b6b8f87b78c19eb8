import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { ReconciliationView } from "@/components/reconciliation/reconciliation-view";

export async function generateMetadata() {
  return { title: (await getTranslations("reconciliation"))("title") };
}

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage(
    "reconciliation.read",
    "/reconciliation",
    searchParams,
  );
  if (!allowed) return <Forbidden role={user.role} permission="reconciliation.read" />;
  const t = await getTranslations("reconciliation");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense>
        <ReconciliationView canRun={can(user.role, "reconciliation.run")} />
      </Suspense>
    </>
  );
}
