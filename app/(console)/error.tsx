"use client";

import { useEffect } from "react";
import { ErrorPanel } from "@/components/shell/error-panel";

// A console page that failed to render: the message inside the console, navigation still works.
export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return <ErrorPanel error={error} reset={reset} />;
}
