import { withApi } from "@/lib/api/with-api";
import { presentLiveness } from "@/lib/api/resources/health";

// Liveness: the process answers. No database, no Mono.
export const GET = withApi({ permission: "public" }, async () => presentLiveness());
