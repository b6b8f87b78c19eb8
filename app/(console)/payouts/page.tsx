import { Banknote } from "lucide-react";
import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Payouts" };

export default async function Page() {
  const { user, allowed } = await requirePage("operations.read");
  if (!allowed) return <Forbidden role={user.role} permission="operations.read" />;
  return (
    <PlannedSection
      title="Payouts"
      description="Core payouts prepared by operators and released by approvers."
      icon={Banknote}
      heading="No payouts yet"
      points={["Every payout with its state, amount in COP, beneficiary (masked), maker and approvers", "Filters in the URL (state, amount, operator, time range) and CSV export", "Operators create payouts here under the guard: tiers, daily cap, balance pre-check, duplicate warning"]}
    />
  );
}
