import Link from "next/link";
import { Suspense } from "react";
import { Plus } from "lucide-react";
import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { OperationsList } from "@/components/operations/operations-list";
import { SavedViews } from "@/components/views/saved-views";

export const metadata = { title: "Payouts" };

export default async function PayoutsPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("operations.read", "/payouts", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="operations.read" />;
  return (
    <>
      <PageHeader
        title="Payouts"
        description="Core payouts prepared by operators and released by approvers. Beneficiary numbers are masked; filters live in the URL, so a link shows exactly this list."
        actions={
          can(user.role, "payouts.create") ? (
            <Link
              href="/payouts/new"
              className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              data-testid="new-payout"
            >
              <Plus className="h-4 w-4" aria-hidden /> New payout
            </Link>
          ) : null
        }
      />
      <Card>
        <Suspense>
          <SavedViews list="payouts" />
          <OperationsList
            kinds={["payout"]}
            currentUserId={user.id}
            emptyText="No payouts match these filters."
          />
        </Suspense>
      </Card>
    </>
  );
}
