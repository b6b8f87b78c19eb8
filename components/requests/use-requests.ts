"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchRequest, fetchRequestPage, requestKeys, type TRequestQuery } from "./api";

export function useRequestList(q: TRequestQuery) {
  return useInfiniteQuery({
    queryKey: requestKeys.list(q),
    queryFn: ({ pageParam, signal }) => fetchRequestPage(q, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRequestDetail(id: string) {
  return useQuery({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) => fetchRequest(id, signal),
  });
}
