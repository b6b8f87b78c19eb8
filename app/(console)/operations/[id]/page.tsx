import { requirePage } from "@/lib/auth/require-user";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { OperationDetail } from "@/components/operations/operation-detail";
import { OperationTimeline } from "@/components/investigation/operation-timeline";
import { SafeToRetryPanel } from "@/components/investigation/safe-to-retry-panel";

export const metadata = { title: "Operation" };

export default async function OperationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, allowed } = await requirePage("operations.read");
  if (!allowed) return <Forbidden role={user.role} permission="operations.read" />;
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  return (
    <div className="space-y-6">
      <SafeToRetryPanel operationId={id} canRecover={can(user.role, "operations.recover")} />
      <OperationDetail
        id={id}
        canReveal={can(user.role, "pii.reveal")}
        justCreated={sp.created === "1"}
      />
      <OperationTimeline operationId={id} />
    </div>
  );
}
