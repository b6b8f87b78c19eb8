"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchReadiness, readinessKeys } from "./api";

// Runs live calls to Mono: never on a timer, only on load and on "Run again".
export function useReadiness() {
  return useQuery({
    queryKey: readinessKeys.all,
    queryFn: ({ signal }) => fetchReadiness(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
