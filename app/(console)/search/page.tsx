import { requirePage } from "@/lib/auth/require-user";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { SearchResults } from "@/components/search/search-results";

export const metadata = { title: "Search" };

export default async function Page({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { user, allowed } = await requirePage("requests.read");
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  const { q = "" } = await searchParams;
  return (
    <>
      <PageHeader
        title="Search"
        description="Any id: request id, Mono log_ id, idempotency key, op_/trn_/bat_/cpout_/acc_/lacc_ ids, external id or ticket reference. Every lookup is exact and indexed."
      />
      <Card>
        <SearchResults q={q} />
      </Card>
    </>
  );
}
