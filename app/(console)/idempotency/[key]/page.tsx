import { consolePage } from "../../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { IdempotencyInspector } from "@/components/investigation/idempotency-inspector";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("investigation"))("key.title") };
}

export default async function Page({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const { user, allowed } = await consolePage(
    "requests.read",
    `/idempotency/${encodeURIComponent(key)}`,
  );
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  const t = await getTranslations("investigation");
  return (
    <>
      <PageHeader title={t("key.title")} description={key} />
      <IdempotencyInspector idempotencyKey={key.toLowerCase()} />
    </>
  );
}
