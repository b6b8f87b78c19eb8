import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { AppError } from "@/lib/api/app-error";
import { apiWords } from "@/lib/api/detail-words";
import { presentSignOut } from "@/lib/api/resources/session";
import { signOutEverywhere, signOutSession } from "@/lib/auth/sessions";

// Ends the caller's session on the server (`everywhere: false`) or every session of the caller
// (`everywhere: true`: the session version moves on). The browser then clears its cookie through
// next-auth's signOut().
export const POST = withApi(
  { permission: "session.end", body: z.strictObject({ everywhere: z.boolean() }) },
  async ({ body, user, audit }) => {
    if (!user.sessionId) throw AppError.worded("unauthenticated", apiWords("sign_in_required"));
    const me = { id: user.id, sessionId: user.sessionId };
    if (body.everywhere) await signOutEverywhere(me, audit);
    else await signOutSession(me, audit);
    return presentSignOut(body.everywhere);
  },
);
