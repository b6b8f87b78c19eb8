import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { ReconciliationView } from "@/components/reconciliation/reconciliation-view";

export const metadata = { title: "Reconciliation" };

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage(
    "reconciliation.read",
    "/reconciliation",
    searchParams,
  );
  if (!allowed) return <Forbidden role={user.role} permission="reconciliation.read" />;
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Our operations compared with Mono's transfers, payouts, ledger movements and balances. Missing on either side, state or amount mismatch, balance drift — each with Mono's evidence, resolved with a reason."
      />
      <Suspense>
        <ReconciliationView canRun={can(user.role, "reconciliation.run")} />
      </Suspense>
    </>
  );
}
