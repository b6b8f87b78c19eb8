import { SearchX } from "lucide-react";
import { HomeLink, StatusPage } from "@/components/shell/status-page";

const TEXT = {
  title: "Not found",
  body: "Nothing on this console has that id or address. It may be mistyped, or belong to another environment (sandbox or production). Paste it into the search box above to see what it is.",
  home: "Go to the overview",
  payouts: "Payouts",
};

// A console page for something that does not exist (an unknown operation id), inside the console.
export default function ConsoleNotFound() {
  return (
    <StatusPage
      icon={SearchX}
      code="404"
      title={TEXT.title}
      actions={
        <>
          <HomeLink label={TEXT.home} />
          <HomeLink href="/payouts" label={TEXT.payouts} />
        </>
      }
    >
      {TEXT.body}
    </StatusPage>
  );
}
