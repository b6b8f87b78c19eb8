import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ApprovalsQueue } from "@/components/approvals/approvals-queue";
import { getPolicy } from "@/lib/guard/get-policy";

export const metadata = { title: "Approvals" };

export default async function ApprovalsPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("payouts.approve", "/approvals", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="payouts.approve" />;
  const policy = await getPolicy();
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Payouts and transfers waiting for a checker, oldest first, with the time left before each expires. You cannot approve your own; each approval binds to the payload you reviewed, and large amounts ask for your password again."
      />
      <Card>
        <Suspense>
          <ApprovalsQueue currentUserId={user.id} expiryDays={policy.settings.approvalExpiryDays} />
        </Suspense>
      </Card>
    </>
  );
}
