import { withApi } from "@/lib/api/with-api";
import { presentBankList } from "@/lib/api/resources/reference";
import { getMonoClient } from "@/lib/mono";

// The banks Mono can pay to (cached 24 h by the client), for the payout and transfer forms.
export const GET = withApi({ permission: "operations.read" }, async () =>
  presentBankList(await getMonoClient().listBanks({ kind: "transfers" })),
);
