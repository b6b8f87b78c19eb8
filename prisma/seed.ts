// Seeds the demo data. Run by the launcher (sandbox only) as a child process with the
// react-server condition so lib/ modules load outside Next. Prints one JSON line for the launcher.
import { seedDemoUsers } from "./factories";
import { seedDemoOperations } from "./demo-operations";
import { db } from "@/lib/db";

const logins = await seedDemoUsers(process.env.DEMO_PASSWORD || undefined);
let operations = 0;
try {
  // A second operator with no password (cannot sign in) makes the demo operations, so the demo
  // logins start with their own daily cap untouched.
  const maker = await db.user.upsert({
    where: { email: "lucia.operaciones@demo.mono-ops.test" },
    update: {},
    create: {
      email: "lucia.operaciones@demo.mono-ops.test",
      name: "Lucía Operaciones",
      role: "operator",
    },
    select: { id: true, email: true, name: true, role: true },
  });
  operations = await seedDemoOperations(maker);
} catch (err) {
  // Demo operations are a nicety: a sandbox that refuses them must not stop the console.
  console.error(`demo operations not created: ${err instanceof Error ? err.message : String(err)}`);
}
console.log("SEED_RESULT " + JSON.stringify({ logins, operations }));
await db.$disconnect();
process.exit(0); // the Mono client's keep-alive sockets must not hold the launcher up
