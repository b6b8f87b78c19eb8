import { getTranslations } from "next-intl/server";
import { consolePage, type TSearchParams } from "../page-access";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { PolicySettings } from "@/components/settings/policy-settings";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("settings.read", "/settings", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="settings.read" />;
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PolicySettings canWrite={can(user.role, "policy.write")} />
    </>
  );
}
