import { consolePage } from "../../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { RequestDetail } from "@/components/requests/request-detail";

export const metadata = { title: "Request" };

export default async function Page({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const { user, allowed } = await consolePage(
    "requests.read",
    `/requests/${encodeURIComponent(requestId)}`,
  );
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  return (
    <>
      <PageHeader title="Request" description={requestId} />
      <RequestDetail requestId={requestId} />
    </>
  );
}
