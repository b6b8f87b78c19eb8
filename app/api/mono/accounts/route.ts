import { withApi } from "@/lib/api/with-api";
import { presentSourceAccounts } from "@/lib/api/resources/reference";
import { listSourceAccounts } from "@/lib/operations/list-source-accounts";

export const GET = withApi({ permission: "operations.read" }, async () =>
  presentSourceAccounts(await listSourceAccounts()),
);
