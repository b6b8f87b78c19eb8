import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AuditLog } from "@/components/audit/audit-log";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("metaTitle") };
}

export default async function AuditPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("audit.read", "/audit", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="audit.read" />;
  const t = await getTranslations("audit");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <Suspense>
          <AuditLog />
        </Suspense>
      </Card>
    </>
  );
}
