import { ArrowLeftRight } from "lucide-react";
import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Transfers" };

export default async function Page() {
  const { user, allowed } = await requirePage("operations.read");
  if (!allowed) return <Forbidden role={user.role} permission="operations.read" />;
  return (
    <PlannedSection
      title="Transfers"
      description="Banking bank transfers and batches of up to 1,000 rows."
      icon={ArrowLeftRight}
      heading="No transfers yet"
      points={["Single transfers and CSV batches, sent directly or prepared for approval in Mono", "Per-row validation and progress while a batch is validated and sent", "Each transfer links to its attempts, webhooks and reconciliation findings"]}
    />
  );
}
