import { ListTree } from "lucide-react";
import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PlannedSection } from "@/components/shell/planned-section";

export const metadata = { title: "Requests" };

export default async function Page() {
  const { user, allowed } = await requirePage("requests.read");
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  return (
    <PlannedSection
      title="Requests"
      description="Every HTTP attempt the console made to Mono."
      icon={ListTree}
      heading="The request log fills as the console talks to Mono"
      points={["One row per attempt: request id, Mono log_ id, idempotency key, status, error_code, latency, retry delay", "Filters by status class, endpoint, error_code and time range (15 minutes to 30 days), CSV export", "Paste any id in the search box to jump straight to the story of one operation"]}
    />
  );
}
