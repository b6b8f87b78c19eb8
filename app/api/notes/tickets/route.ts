import { withApi } from "@/lib/api/with-api";
import { presentNotes } from "@/lib/api/resources/note";
import { linkTicket } from "@/lib/notes/notes";
import { ZNewTicketLink } from "@/lib/notes/schemas";

// Links a ticket reference to a target (audited); the search box then finds the target by it.
export const POST = withApi(
  { permission: "notes.write", body: ZNewTicketLink },
  async ({ body, user, audit }) => {
    const { ticketRef, ...target } = body;
    return presentNotes(await linkTicket(target, ticketRef, user, audit));
  },
);
