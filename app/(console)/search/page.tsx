import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { SearchResults } from "@/components/search/search-results";

export const metadata = { title: "Search" };

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("requests.read", "/search", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q : "";
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
