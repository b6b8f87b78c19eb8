"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "../ui/button";
import { HomeLink, StatusPage } from "./status-page";

const TEXT = {
  title: "This page failed to load",
  body: "Something went wrong while showing it. Nothing you submitted is lost or sent twice: try again, and if it keeps failing give support the reference below.",
  retry: "Try again",
  home: "Go to the overview",
  reference: "Reference:",
};

export function ErrorPanel({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <StatusPage
      icon={TriangleAlert}
      title={TEXT.title}
      actions={
        <>
          <Button onClick={reset}>{TEXT.retry}</Button>
          <HomeLink label={TEXT.home} />
        </>
      }
    >
      <p>{TEXT.body}</p>
      {error.digest ? (
        <p className="mt-2 text-xs text-slate-600">
          {TEXT.reference} <code>{error.digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
