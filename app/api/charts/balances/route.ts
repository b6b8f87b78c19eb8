import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentBalanceCharts } from "@/lib/api/resources/chart";
import { RANGE_KEYS, windowOf, type TRange } from "@/lib/metrics/ranges";
import { getAnnotations } from "@/lib/metrics/annotations";
import { getAccountSummaries } from "@/lib/balances/account-summaries";
import { getBalanceSeries } from "@/lib/balances/balance-series";

const ZQuery = z.object({
  range: z.enum(RANGE_KEYS as [TRange, ...TRange[]]).default("24h"),
  account: z
    .string()
    .regex(/^l?acc_[A-Za-z0-9]{1,64}$/)
    .optional(),
});

// Balances over time per account with today's floors and runway (the floors are drawn as lines).
export const GET = withApi({ permission: "overview.read", query: ZQuery }, async ({ query }) => {
  const now = new Date();
  const accounts = (await getAccountSummaries(now)).filter(
    (a) => !query.account || a.id === query.account,
  );
  const [series, annotations] = await Promise.all([
    Promise.all(
      accounts.map((a) => getBalanceSeries({ accountId: a.id, range: query.range, now })),
    ),
    getAnnotations(windowOf(query.range, now)),
  ]);
  return presentBalanceCharts({
    range: query.range,
    accounts: accounts.map((a, i) => ({ ...a, series: series[i] })),
    annotations,
  });
});
