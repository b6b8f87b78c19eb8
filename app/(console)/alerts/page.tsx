import { Bell } from "lucide-react";
import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Alerts" };

export default async function Page() {
  const { user, allowed } = await requirePage("alerts.read");
  if (!allowed) return <Forbidden role={user.role} permission="alerts.read" />;
  return (
    <PlannedSection
      title="Alerts"
      description="Low balances, error-rate spikes, 429 storms, an open breaker, old API keys."
      icon={Bell}
      heading="No alerts"
      points={["Alerts open, are acknowledged (who and when) and resolve; duplicates fold together", "A banner across the console while a critical alert is open", "Optional delivery to a chat incoming-webhook URL"]}
    />
  );
}
