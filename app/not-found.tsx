import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { HomeLink, StatusPage } from "@/components/shell/status-page";

export async function generateMetadata() {
  return { title: (await getTranslations("shell.notFound"))("title") };
}

// Any address outside the console's routes.
export default async function NotFound() {
  const t = await getTranslations("shell.notFound");
  return (
    <main className="grid min-h-screen place-items-center bg-slate-50 px-4">
      <StatusPage
        icon={SearchX}
        code="404"
        title={t("title")}
        actions={<HomeLink label={t("home")} />}
      >
        {t("body")}
      </StatusPage>
    </main>
  );
}
