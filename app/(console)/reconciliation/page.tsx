import { Suspense } from "react";
import { requirePage } from "@/lib/auth/require-user";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { ReconciliationView } from "@/components/reconciliation/reconciliation-view";

export const metadata = { title: "Reconciliation" };

export default async function Page() {
  const { user, allowed } = await requirePage("reconciliation.read");
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
