import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { WebhookLog } from "@/components/webhooks/webhook-log";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("webhooks"))("title") };
}

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("webhooks.read", "/webhooks", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="webhooks.read" />;
  const t = await getTranslations("webhooks");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <Suspense>
          <WebhookLog canReprocess={can(user.role, "webhooks.reprocess")} />
        </Suspense>
      </Card>
    </>
  );
}
