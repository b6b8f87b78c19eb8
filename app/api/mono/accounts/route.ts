import { withApi } from "@/lib/api/with-api";
import { listSourceAccounts } from "@/lib/operations/list-source-accounts";

export const GET = withApi({ permission: "operations.read" }, async () => listSourceAccounts());
