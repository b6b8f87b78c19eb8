import { useTranslations } from "next-intl";
import { Button } from "./button";

type TPagedList = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

// The end of every cursor-paginated list: "load older". Loading and "nothing matches" are the
// DataTable's own states.
export function ListFooter({ list, more }: { list: TPagedList; more?: string }) {
  const t = useTranslations("ui");
  if (!list.hasNextPage) return null;
  return (
    <div className="p-4 text-center">
      <Button
        variant="secondary"
        onClick={() => list.fetchNextPage()}
        disabled={list.isFetchingNextPage}
      >
        {list.isFetchingNextPage ? t("loading") : (more ?? t("loadMore"))}
      </Button>
    </div>
  );
}
