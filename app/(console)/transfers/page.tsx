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

export const metadata = { title: "Transfers" };

export default async function TransfersPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("operations.read", "/transfers", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="operations.read" />;
  return (
    <>
      <PageHeader
        title="Transfers"
        description="Banking transfers from your Mono accounts: single transfers and batches of up to 1,000 rows, created directly or prepared for approval in Mono."
        actions={
          can(user.role, "payouts.create") ? (
            <Link
              href="/transfers/new"
              className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              data-testid="new-transfer"
            >
              <Plus className="h-4 w-4" aria-hidden /> New transfer batch
            </Link>
          ) : null
        }
      />
      <Card>
        <Suspense>
          <SavedViews list="transfers" />
          <OperationsList
            kinds={["bank_transfer", "transfer_batch"]}
            currentUserId={user.id}
            emptyText="No transfers match these filters."
          />
        </Suspense>
      </Card>
    </>
  );
}
