import { consolePage } from "../../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { RequestDetail } from "@/components/requests/request-detail";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("requests"))("detail.title") };
}

export default async function Page({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const { user, allowed } = await consolePage(
    "requests.read",
    `/requests/${encodeURIComponent(requestId)}`,
  );
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  const t = await getTranslations("requests");
  return (
    <>
      <PageHeader title={t("detail.title")} description={requestId} />
      <RequestDetail requestId={requestId} />
    </>
  );
}
