// Run as a separate process by the crash test: submits one payout through the real write path
// and is SIGKILLed while Mono is still answering.
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { payoutInput } from "./operations";

const reason = process.argv[2];
const { user } = await makeUser({ role: "operator" });
await submitPayout(payoutInput({ reason }), user, { actorEmail: "crash-test" });
console.log("CHILD_DONE");
