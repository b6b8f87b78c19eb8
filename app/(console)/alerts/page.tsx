import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AlertsList } from "@/components/alerts/alerts-list";

export const metadata = { title: "Alerts" };

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("alerts.read", "/alerts", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="alerts.read" />;
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Low balances, error-rate spikes, 429 storms, an open breaker, webhook silence, old API keys, critical reconciliation findings. Repeats fold into one alert; an alert resolves itself when its condition clears."
      />
      <Card>
        <Suspense>
          <AlertsList canManage={can(user.role, "alerts.manage")} />
        </Suspense>
      </Card>
    </>
  );
}
