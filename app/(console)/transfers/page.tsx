import Link from "next/link";
import { Suspense } from "react";
import { Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { OperationsList } from "@/components/operations/operations-list";
import { SavedViews } from "@/components/views/saved-views";

export async function generateMetadata() {
  return { title: (await getTranslations("transfers"))("title") };
}

export default async function TransfersPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("operations.read", "/transfers", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="operations.read" />;
  const t = await getTranslations("transfers");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user.role, "payouts.create") ? (
            <Link
              href="/transfers/new"
              className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              data-testid="new-transfer"
            >
              <Plus className="h-4 w-4" aria-hidden /> {t("newBatch")}
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
            emptyText={t("empty")}
          />
        </Suspense>
      </Card>
    </>
  );
}
