import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { SearchResults } from "@/components/search/search-results";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("search"))("title") };
}

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("requests.read", "/search", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  const t = await getTranslations("search");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q : "";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <SearchResults q={q} />
      </Card>
    </>
  );
}
