import { Webhook } from "lucide-react";
import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Webhooks" };

export default async function Page() {
  const { user, allowed } = await requirePage("webhooks.read");
  if (!allowed) return <Forbidden role={user.role} permission="webhooks.read" />;
  return (
    <PlannedSection
      title="Webhooks"
      description="Events Mono delivered to the console."
      icon={Webhook}
      heading="No webhook events received yet"
      points={["Every delivery with its signature check, processing result and linked operation", "The raw payload, and reprocess for admins (audited)", "A gap detector that flags operations with no event for longer than their rail allows"]}
    />
  );
}
