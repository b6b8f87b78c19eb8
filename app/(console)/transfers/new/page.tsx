import { consolePage, type TSearchParams } from "../../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { TransferForm } from "@/components/transfers/transfer-form";

export const metadata = { title: "New transfer batch" };

export default async function NewTransferPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("payouts.create", "/transfers/new", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="payouts.create" />;
  return (
    <>
      <PageHeader
        title="New transfer batch"
        description="Every row is validated before anything is sent; the whole batch goes through the guard (tier on the total, your daily cap, the source balance)."
      />
      <TransferForm />
    </>
  );
}
