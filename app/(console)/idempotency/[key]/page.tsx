import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { IdempotencyInspector } from "@/components/investigation/idempotency-inspector";

export const metadata = { title: "Idempotency key" };

export default async function Page({ params }: { params: Promise<{ key: string }> }) {
  const { user, allowed } = await requirePage("requests.read");
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  const { key } = await params;
  return (
    <>
      <PageHeader title="Idempotency key" description={key} />
      <IdempotencyInspector idempotencyKey={key.toLowerCase()} />
    </>
  );
}
