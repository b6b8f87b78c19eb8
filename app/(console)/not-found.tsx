import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { HomeLink, StatusPage } from "@/components/shell/status-page";

// A console page for something that does not exist (an unknown operation id), inside the console.
export default async function ConsoleNotFound() {
  const t = await getTranslations("shell.consoleNotFound");
  return (
    <StatusPage
      icon={SearchX}
      code="404"
      title={t("title")}
      actions={
        <>
          <HomeLink label={t("home")} />
          <HomeLink href="/payouts" label={t("payouts")} />
        </>
      }
    >
      {t("body")}
    </StatusPage>
  );
}
