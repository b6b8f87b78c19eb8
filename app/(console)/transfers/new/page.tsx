import { getTranslations } from "next-intl/server";
import { consolePage, type TSearchParams } from "../../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { TransferForm } from "@/components/transfers/transfer-form";

export async function generateMetadata() {
  return { title: (await getTranslations("transfers"))("new.title") };
}

export default async function NewTransferPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("payouts.create", "/transfers/new", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="payouts.create" />;
  const t = await getTranslations("transfers.new");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <TransferForm />
    </>
  );
}
