import { withApi } from "@/lib/api/with-api";
import { presentReadinessReport } from "@/lib/api/resources/health";
import { runReadiness } from "@/lib/readiness/run-readiness";

// The pre-launch checks (docs/DESIGN.md P27), run live (each Mono call bounded to 10 s). Also
// `npm run preflight`.
export const GET = withApi({ permission: "settings.read" }, async () =>
  presentReadinessReport(await runReadiness()),
);
