import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { WebhookLog } from "@/components/webhooks/webhook-log";

export const metadata = { title: "Webhooks" };

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("webhooks.read", "/webhooks", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="webhooks.read" />;
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every event Mono delivered: its signature check, what processing did (always by reading Mono back), and the operation it belongs to. Events about objects made outside the console are marked external."
      />
      <Card>
        <Suspense>
          <WebhookLog canReprocess={can(user.role, "webhooks.reprocess")} />
        </Suspense>
      </Card>
    </>
  );
}
