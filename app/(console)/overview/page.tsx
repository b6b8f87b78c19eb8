import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Overview } from "@/components/overview/overview";

export const metadata = { title: "Overview" };

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("overview.read", "/overview", searchParams);
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
