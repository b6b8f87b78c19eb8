import { requirePage } from "@/lib/auth/require-user";
import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { OperationDetail } from "@/components/operations/operation-detail";

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
    <OperationDetail
      id={id}
      canReveal={can(user.role, "pii.reveal")}
      justCreated={sp.created === "1"}
    />
  );
}
