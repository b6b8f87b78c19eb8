"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchOverview, overviewKeys } from "./api";

export function useOverview() {
  return useQuery({
    queryKey: overviewKeys.all,
    queryFn: ({ signal }) => fetchOverview(signal),
    refetchInterval: 30_000,
  });
}
