import { SearchX } from "lucide-react";
import { HomeLink, StatusPage } from "@/components/shell/status-page";

export const metadata = { title: "Page not found" };

const TEXT = {
  title: "Page not found",
  body: "Nothing lives at this address. If someone sent you this link, check it was copied whole; ids can be looked up with the search box on any console page.",
  home: "Go to the overview",
};

// Any address outside the console's routes.
export default function NotFound() {
  return (
    <main className="grid min-h-screen place-items-center bg-slate-50 px-4">
      <StatusPage
        icon={SearchX}
        code="404"
        title={TEXT.title}
        actions={<HomeLink label={TEXT.home} />}
      >
        {TEXT.body}
      </StatusPage>
    </main>
  );
}
