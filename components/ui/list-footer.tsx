import { Button } from "./button";

type TPagedList = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

const TEXT = { loading: "Loading…", more: "Load more" };

// The end of every cursor-paginated list: "load older". Loading and "nothing matches" are the
// DataTable's own states.
export function ListFooter({ list, more = TEXT.more }: { list: TPagedList; more?: string }) {
  if (!list.hasNextPage) return null;
  return (
    <div className="p-4 text-center">
      <Button
        variant="secondary"
        onClick={() => list.fetchNextPage()}
        disabled={list.isFetchingNextPage}
      >
        {list.isFetchingNextPage ? TEXT.loading : more}
      </Button>
    </div>
  );
}
