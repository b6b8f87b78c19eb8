import { Settings } from "lucide-react";
import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Settings" };

export default async function Page() {
  const { user, allowed } = await requirePage("settings.read");
  if (!allowed) return <Forbidden role={user.role} permission="settings.read" />;
  return (
    <PlannedSection
      title="Settings"
      description="The payout policy and the console's configuration."
      icon={Settings}
      heading="Policy settings arrive with guarded payouts"
      points={["Amount tiers: none, one approver, two approvers with step-up, refused", "Per-operator daily cap, duplicate window, approval expiry and the global kill switch", "Every change versioned and audited"]}
    />
  );
}
