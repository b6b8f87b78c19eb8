-- Saved views (docs/INVESTIGATION.md "Saved views and full exports"): a named set of a list
-- page's filters (its URL query string), private to its owner or shared with everyone.
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SavedView_ownerId_list_name_key" ON "SavedView"("ownerId", "list", "name");
CREATE INDEX "SavedView_list_shared_idx" ON "SavedView"("list", "shared");
