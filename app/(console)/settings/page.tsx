import { requirePage } from "@/lib/auth/require-user";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { PolicySettings } from "@/components/settings/policy-settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { user, allowed } = await requirePage("settings.read");
  if (!allowed) return <Forbidden role={user.role} permission="settings.read" />;
  return (
    <>
      <PageHeader
        title="Settings"
        description="The payout policy: approval tiers, limits, fees and the kill switch. Every change is a new version, needs a reason and is audited."
      />
      <PolicySettings canWrite={can(user.role, "policy.write")} />
    </>
  );
}
