import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentSearchResult } from "@/lib/api/resources/search";
import { searchEverything } from "@/lib/search/search-everything";

const ZSearchQuery = z.strictObject({ q: z.string().max(1_000) });

// Any id, document, account number, e-mail or Bre-B key → what it is and where it leads. A malformed or unknown id is a normal answer (200 with
// `recognised.ok: false` or no hits), not an error: the search box explains it in place.
export const GET = withApi(
  { permission: "requests.read", query: ZSearchQuery },
  async ({ query }) => presentSearchResult(await searchEverything(query.q)),
);
