import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ReadinessReport } from "@/components/readiness/readiness-report";

export const metadata = { title: "Readiness" };

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("settings.read", "/readiness", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="settings.read" />;
  return (
    <>
      <PageHeader
        title="Readiness"
        description="The pre-launch checks, run live against the selected Mono environment. The same checks run from a shell with `npm run preflight` (non-zero exit on a failure)."
      />
      <Card>
        <ReadinessReport />
      </Card>
    </>
  );
}
