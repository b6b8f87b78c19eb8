"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import {
  fetchAccounts,
  fetchBanks,
  fetchPreview,
  referenceKeys,
  type TRailParam,
} from "./reference-api";

export function useSourceAccounts() {
  return useQuery({
    queryKey: referenceKeys.accounts(),
    queryFn: ({ signal }) => fetchAccounts(signal),
    staleTime: 60_000,
  });
}

export function useBanks() {
  return useQuery({
    queryKey: referenceKeys.banks(),
    queryFn: ({ signal }) => fetchBanks(signal),
    staleTime: 60 * 60_000,
  });
}

// "1007" → "BANCOLOMBIA (1007)", from the cached banks list (the code alone when not loaded).
export function useBankName() {
  const banks = useBanks();
  return (code: string) => {
    const b = banks.data?.banks.find((x) => x.code === code);
    return b ? `${b.name} (${code})` : code;
  };
}

// The guard's live verdict while the operator types; debounced so each keystroke is not a request.
export function usePreview(amount: number | null, rail: TRailParam, rows = 1) {
  const [debounced, setDebounced] = useState(amount);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(amount), 300);
    return () => clearTimeout(t);
  }, [amount]);
  return useQuery({
    queryKey: referenceKeys.preview(debounced ?? 0, rail, rows),
    queryFn: ({ signal }) => fetchPreview(debounced ?? 0, rail, rows, signal),
    enabled: debounced !== null && debounced > 0,
    placeholderData: (prev) => prev,
  });
}
