"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { HomeLink, StatusPage } from "./status-page";

export function ErrorPanel({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("shell.error");
  return (
    <StatusPage
      icon={TriangleAlert}
      title={t("title")}
      actions={
        <>
          <Button onClick={reset}>{t("retry")}</Button>
          <HomeLink label={t("home")} />
        </>
      }
    >
      <p>{t("body")}</p>
      {error.digest ? (
        <p className="mt-2 text-xs text-slate-600">
          {t("reference")} <code>{error.digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
