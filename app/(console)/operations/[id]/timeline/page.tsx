import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { OperationTimeline } from "@/components/investigation/operation-timeline";
import { SafeToRetryPanel } from "@/components/investigation/safe-to-retry-panel";
import { consolePage } from "../../../page-access";
import { requireOperation } from "../operation-exists";

export async function generateMetadata() {
  return { title: (await getTranslations("operations"))("timeline.title") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, allowed } = await consolePage(
    "operations.read",
    `/operations/${encodeURIComponent(id)}/timeline`,
  );
  if (!allowed) return <Forbidden role={user.role} permission="operations.read" />;
  await requireOperation(id);
  const t = await getTranslations("operations.timeline");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={id}
        actions={
          <Link href={`/operations/${id}`} className="text-sm text-brand-700 hover:underline">
            {t("details")}
          </Link>
        }
      />
      <div className="space-y-6">
        <SafeToRetryPanel operationId={id} canRecover={can(user.role, "operations.recover")} />
        <OperationTimeline operationId={id} />
      </div>
    </>
  );
}
