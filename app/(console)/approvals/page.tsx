import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ApprovalsQueue } from "@/components/approvals/approvals-queue";
import { getPolicy } from "@/lib/guard/get-policy";

export async function generateMetadata() {
  return { title: (await getTranslations("approvals"))("title") };
}

export default async function ApprovalsPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("payouts.approve", "/approvals", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="payouts.approve" />;
  const [policy, t] = await Promise.all([getPolicy(), getTranslations("approvals")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <Suspense>
          <ApprovalsQueue currentUserId={user.id} expiryDays={policy.settings.approvalExpiryDays} />
        </Suspense>
      </Card>
    </>
  );
}
