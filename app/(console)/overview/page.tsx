import { Gauge } from "lucide-react";
import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Overview" };

export default async function Page() {
  const { user, allowed } = await requirePage("overview.read");
  if (!allowed) return <Forbidden role={user.role} permission="overview.read" />;
  return (
    <PlannedSection
      title="Overview"
      description="The integration's health and money at a glance."
      icon={Gauge}
      heading="Charts and alerts arrive with the monitoring capability"
      points={["Balances per account with warning (20 % of typical daily spend) and critical (5 %) floors, and the runway forecast", "Open alerts, approvals waiting for you, and recent operations", "Error-rate sparkline for the last hour, circuit-breaker and kill-switch state"]}
    />
  );
}
