import { Button } from "./button";

type TPagedList = {
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

// The end of every cursor-paginated list: loading, "nothing matches", or "load older".
export function ListFooter({
  list,
  count,
  empty,
  more,
}: {
  list: TPagedList;
  count: number;
  empty: string;
  more: string;
}) {
  return (
    <>
      {list.isPending ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
      {!list.isPending && count === 0 ? (
        <p className="p-5 text-sm text-slate-500">{empty}</p>
      ) : null}
      {list.hasNextPage ? (
        <div className="p-4 text-center">
          <Button
            variant="secondary"
            onClick={() => list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? "Loading…" : more}
          </Button>
        </div>
      ) : null}
    </>
  );
}
