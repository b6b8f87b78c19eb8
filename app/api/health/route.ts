import { withApi } from "@/lib/api/with-api";

// Liveness: the process answers. No database, no Mono.
export const GET = withApi({ permission: "public" }, async () => ({ status: "ok" }));
