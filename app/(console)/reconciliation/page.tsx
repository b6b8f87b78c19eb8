import { Scale } from "lucide-react";
import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Reconciliation" };

export default async function Page() {
  const { user, allowed } = await requirePage("reconciliation.read");
  if (!allowed) return <Forbidden role={user.role} permission="reconciliation.read" />;
  return (
    <PlannedSection
      title="Reconciliation"
      description="Our records compared with Mono's transfers, payouts, ledger and balances."
      icon={Scale}
      heading="No reconciliation run yet"
      points={["Hourly and on-demand runs over a chosen window", "Findings: missing at Mono, missing on our side, state or amount mismatch, balance drift", "Resolve a finding with a reason (audited); critical findings raise an alert"]}
    />
  );
}
