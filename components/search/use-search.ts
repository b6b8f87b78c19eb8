"use client";

import { useQuery } from "@tanstack/react-query";
import { recogniseId } from "@/lib/search/recognise-id";
import { fetchSearch, searchKeys } from "./api";

// Asks the server only for input that is shaped like an id: a malformed one is explained at once,
// in the browser, with the same rules the server uses.
export function useSearch(q: string) {
  const recognised = recogniseId(q);
  const query = useQuery({
    queryKey: searchKeys.query(recognised.value),
    queryFn: ({ signal }) => fetchSearch(recognised.value, signal),
    enabled: recognised.ok,
    staleTime: 10_000,
  });
  return { recognised, ...query };
}
