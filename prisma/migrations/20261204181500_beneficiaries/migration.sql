-- Beneficiaries (docs/INVESTIGATION.md "A page per beneficiary"). One row per bank code and
-- account number, with the document, e-mail and name last used for it. The id is random (ben_ and
-- 32 hex characters), never derived from the numbers: a hash of a bank code and an account number
-- could be reversed by trying every account number, and the id appears in URLs.
-- Filled by a trigger on "Operation" (insert, and updates of target), so every path that creates
-- or edits an operation fills it in the same transaction without knowing about it, and backfilled
-- below from every operation already stored.
CREATE TABLE "Beneficiary" (
    "id" TEXT NOT NULL DEFAULT ('ben_' || replace(gen_random_uuid()::text, '-', '')),
    "bankCode" TEXT NOT NULL,
    "accountNumber" TEXT NOT NULL,
    "accountLast4" TEXT NOT NULL,
    "accountType" TEXT,
    "name" TEXT NOT NULL,
    "documentType" TEXT,
    "documentNumber" TEXT,
    "email" TEXT,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Beneficiary_bankCode_accountNumber_key" ON "Beneficiary"("bankCode", "accountNumber");
CREATE INDEX "Beneficiary_accountNumber_idx" ON "Beneficiary"("accountNumber");
CREATE INDEX "Beneficiary_bankCode_accountLast4_idx" ON "Beneficiary"("bankCode", "accountLast4");
CREATE INDEX "Beneficiary_documentNumber_idx" ON "Beneficiary"("documentNumber");
CREATE INDEX "Beneficiary_email_idx" ON "Beneficiary"("email");

-- Bre-B key resolutions the console asked Mono for (lib/operations/resolve-breb-key.ts), kept so a
-- key can be searched and a beneficiary page can show which keys led to its account.
CREATE TABLE "BrebResolution" (
    "id" TEXT NOT NULL,
    "keyValue" TEXT NOT NULL,
    "keyType" TEXT,
    "holderName" TEXT NOT NULL,
    "documentType" TEXT,
    "documentNumber" TEXT,
    "accountNumber" TEXT NOT NULL,
    "accountType" TEXT,
    "sourceAccountId" TEXT NOT NULL,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BrebResolution_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "BrebResolution_keyValue_resolvedAt_idx" ON "BrebResolution"("keyValue", "resolvedAt");
CREATE INDEX "BrebResolution_accountNumber_resolvedAt_idx" ON "BrebResolution"("accountNumber", "resolvedAt");

-- The function body spells its semicolons as the octal escape \073 (the migration runner splits on them).
CREATE OR REPLACE FUNCTION beneficiary_from_operation() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  INSERT INTO "Beneficiary" ("bankCode", "accountNumber", "accountLast4", "accountType", name, "documentType", "documentNumber", email, "firstSeenAt", "lastSeenAt")
  SELECT DISTINCT ON (b->>''bankCode'', b->>''accountNumber'')
    b->>''bankCode'', b->>''accountNumber'', right(b->>''accountNumber'', 4), b->>''accountType'',
    coalesce(b->>''name'', ''''), b->>''documentType'', b->>''documentNumber'', lower(b->>''email''),
    NEW."createdAt", NEW."createdAt"
  FROM jsonb_array_elements(
    CASE WHEN jsonb_typeof(NEW.target) = ''array'' THEN NEW.target
         ELSE jsonb_build_array(jsonb_build_object(''beneficiary'', NEW.target)) END
  ) AS e, LATERAL (SELECT e->''beneficiary'' AS b) AS x
  WHERE jsonb_typeof(b) = ''object'' AND b->>''bankCode'' IS NOT NULL AND b->>''accountNumber'' IS NOT NULL
  ON CONFLICT ("bankCode", "accountNumber") DO UPDATE SET
    name = CASE WHEN EXCLUDED.name = '''' THEN "Beneficiary".name ELSE EXCLUDED.name END,
    "accountType" = coalesce(EXCLUDED."accountType", "Beneficiary"."accountType"),
    "documentType" = coalesce(EXCLUDED."documentType", "Beneficiary"."documentType"),
    "documentNumber" = coalesce(EXCLUDED."documentNumber", "Beneficiary"."documentNumber"),
    email = coalesce(EXCLUDED.email, "Beneficiary".email),
    "lastSeenAt" = greatest("Beneficiary"."lastSeenAt", EXCLUDED."lastSeenAt")\073
  RETURN NULL\073
END\073';

CREATE TRIGGER "Operation_beneficiary" AFTER INSERT OR UPDATE OF target ON "Operation"
    FOR EACH ROW EXECUTE FUNCTION beneficiary_from_operation();

-- Backfill, newest operation last so its name, document and e-mail win.
INSERT INTO "Beneficiary" ("bankCode", "accountNumber", "accountLast4", "accountType", name, "documentType", "documentNumber", email, "firstSeenAt", "lastSeenAt")
SELECT DISTINCT ON (b->>'bankCode', b->>'accountNumber')
    b->>'bankCode', b->>'accountNumber', right(b->>'accountNumber', 4), b->>'accountType',
    coalesce(b->>'name', ''), b->>'documentType', b->>'documentNumber', lower(b->>'email'),
    min(o."createdAt") OVER (PARTITION BY b->>'bankCode', b->>'accountNumber'), o."createdAt"
FROM "Operation" o,
    jsonb_array_elements(CASE WHEN jsonb_typeof(o.target) = 'array' THEN o.target
        ELSE jsonb_build_array(jsonb_build_object('beneficiary', o.target)) END) AS e,
    LATERAL (SELECT e->'beneficiary' AS b) AS x
WHERE jsonb_typeof(b) = 'object' AND b->>'bankCode' IS NOT NULL AND b->>'accountNumber' IS NOT NULL
ORDER BY b->>'bankCode', b->>'accountNumber', o."createdAt" DESC
ON CONFLICT ("bankCode", "accountNumber") DO NOTHING;
