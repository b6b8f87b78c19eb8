// Seeds the demo data. Run by the launcher (sandbox only) as a child process with the
// react-server condition so lib/ modules load outside Next. Prints one JSON line for the launcher.
import { seedDemoUsers } from "./factories";
import { db } from "@/lib/db";

const logins = await seedDemoUsers(process.env.DEMO_PASSWORD || undefined);
console.log("SEED_RESULT " + JSON.stringify({ logins }));
await db.$disconnect();
