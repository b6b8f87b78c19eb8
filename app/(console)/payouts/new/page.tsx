import { consolePage, type TSearchParams } from "../../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { PayoutForm } from "@/components/payouts/payout-form";

export const metadata = { title: "New payout" };

export default async function NewPayoutPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("payouts.create", "/payouts/new", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="payouts.create" />;
  return (
    <>
      <PageHeader
        title="New payout"
        description="The guard checks the amount tier, your daily cap, the source balance and recent payouts to the same account before anything is sent."
      />
      <PayoutForm />
    </>
  );
}
