-- Notes and ticket links on anything (docs/INVESTIGATION.md "Notes and ticket links"). A note is
-- plain text on one target (an operation, a beneficiary, a request, a webhook event or a
-- reconciliation finding), with its author. Every version of its text is kept in NoteRevision,
-- version 1 being the text it was created with. A ticket link ties a ticket reference to a target
-- and is what the search box finds by reference.
CREATE TABLE "Note" (
    "id" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT NOT NULL,
    "authorEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Note_targetType_targetId_createdAt_idx" ON "Note"("targetType", "targetId", "createdAt");

CREATE TABLE "NoteRevision" (
    "noteId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "editedById" TEXT NOT NULL,
    "editedByEmail" TEXT NOT NULL,
    "editedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NoteRevision_pkey" PRIMARY KEY ("noteId", "version")
);

CREATE TABLE "TicketLink" (
    "id" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "ticketRef" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TicketLink_targetType_targetId_ticketRef_key" ON "TicketLink"("targetType", "targetId", "ticketRef");
CREATE INDEX "TicketLink_ticketRef_idx" ON "TicketLink"("ticketRef");
