import { withApi } from "@/lib/api/with-api";
import { presentAccountList } from "@/lib/api/resources/balance";
import { getAccountSummaries } from "@/lib/balances/account-summaries";

// Every watched account: latest balance, floors, level, approved-but-unsent total and runway.
export const GET = withApi({ permission: "overview.read" }, async () =>
  presentAccountList(await getAccountSummaries()),
);
