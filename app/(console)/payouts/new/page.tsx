import { getTranslations } from "next-intl/server";
import { consolePage, type TSearchParams } from "../../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { PayoutForm } from "@/components/payouts/payout-form";

export async function generateMetadata() {
  return { title: (await getTranslations("payouts"))("new.title") };
}

export default async function NewPayoutPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("payouts.create", "/payouts/new", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="payouts.create" />;
  const t = await getTranslations("payouts.new");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PayoutForm />
    </>
  );
}
