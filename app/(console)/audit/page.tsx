import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AuditLog } from "@/components/audit/audit-log";

export const metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("audit.read", "/audit", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="audit.read" />;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Append-only and hash-chained: every sign-in, lockout, user change and privileged action. PostgreSQL itself refuses to change or delete a row."
      />
      <Card>
        <Suspense>
          <AuditLog />
        </Suspense>
      </Card>
    </>
  );
}
