import { consolePage } from "../../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { IdempotencyInspector } from "@/components/investigation/idempotency-inspector";

export const metadata = { title: "Idempotency key" };

export default async function Page({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const { user, allowed } = await consolePage(
    "requests.read",
    `/idempotency/${encodeURIComponent(key)}`,
  );
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  return (
    <>
      <PageHeader title="Idempotency key" description={key} />
      <IdempotencyInspector idempotencyKey={key.toLowerCase()} />
    </>
  );
}
