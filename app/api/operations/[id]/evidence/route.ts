import { withApi } from "@/lib/api/with-api";
import { presentEvidence } from "@/lib/api/resources/investigation";
import { ZOperationIdParams as ZParams } from "@/lib/operations/schemas";
import { toJsonSafe } from "@/lib/api/json";
import { buildEvidence } from "@/lib/investigation/build-evidence";

// A download: the browser saves it as a file to attach to the Mono support ticket.
export const GET = withApi(
  { permission: "operations.read", params: ZParams },
  async ({ params, audit }) => {
    const bundle = presentEvidence(await buildEvidence(params.id, audit));
    return new Response(JSON.stringify(toJsonSafe(bundle), null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="evidence-${params.id}.json"`,
      },
    });
  },
);
