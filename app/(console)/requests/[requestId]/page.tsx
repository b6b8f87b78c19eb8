import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { RequestDetail } from "@/components/requests/request-detail";

export const metadata = { title: "Request" };

export default async function Page({ params }: { params: Promise<{ requestId: string }> }) {
  const { user, allowed } = await requirePage("requests.read");
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  const { requestId } = await params;
  return (
    <>
      <PageHeader title="Request" description={requestId} />
      <RequestDetail requestId={requestId} />
    </>
  );
}
