"use client";

import { useEffect } from "react";
import { ErrorPanel } from "@/components/shell/error-panel";

// Any rendering error outside the console layout (and the fallback for the console's own).
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="grid min-h-screen place-items-center bg-slate-50 px-4">
      <ErrorPanel error={error} reset={reset} />
    </main>
  );
}
