import { Suspense } from "react";
import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Overview } from "@/components/overview/overview";

export const metadata = { title: "Overview" };

export default async function Page() {
  const { user, allowed } = await requirePage("overview.read");
  if (!allowed) return <Forbidden role={user.role} permission="overview.read" />;
  return (
    <>
      <PageHeader
        title="Overview"
        description="The integration's health and money at a glance: balances against their floors, alerts, approvals, Mono's error rate and latency."
      />
      <Suspense>
        <Overview />
      </Suspense>
    </>
  );
}
