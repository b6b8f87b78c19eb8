import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { PolicySettings } from "@/components/settings/policy-settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("settings.read", "/settings", searchParams);
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
