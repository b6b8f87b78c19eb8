import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { OperationDetail } from "@/components/operations/operation-detail";
import { OperationTimeline } from "@/components/investigation/operation-timeline";
import { SafeToRetryPanel } from "@/components/investigation/safe-to-retry-panel";
import { OperationBeneficiaryLinks } from "@/components/beneficiaries/operation-beneficiary-links";
import { NotesPanel } from "@/components/notes/notes-panel";
import { consolePage, type TSearchParams } from "../../page-access";
import { requireOperation } from "./operation-exists";

export async function generateMetadata() {
  return { title: (await getTranslations("operations"))("title") };
}

export default async function OperationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: TSearchParams;
}) {
  const { id } = await params;
  const { user, allowed } = await consolePage(
    "operations.read",
    `/operations/${encodeURIComponent(id)}`,
    searchParams,
  );
  if (!allowed) return <Forbidden role={user.role} permission="operations.read" />;
  await requireOperation(id);
  const sp = await searchParams;
  return (
    <div className="space-y-6">
      <SafeToRetryPanel operationId={id} canRecover={can(user.role, "operations.recover")} />
      <OperationDetail
        id={id}
        canReveal={can(user.role, "pii.reveal")}
        justCreated={sp.created === "1"}
      />
      <OperationBeneficiaryLinks operationId={id} />
      <NotesPanel
        target={{ targetType: "operation", targetId: id }}
        canWrite={can(user.role, "notes.write")}
        userId={user.id}
      />
      <OperationTimeline operationId={id} />
    </div>
  );
}
