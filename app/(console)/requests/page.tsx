import { Suspense } from "react";
import { consolePage, type TSearchParams } from "../page-access";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { RequestList } from "@/components/requests/request-list";

export const metadata = { title: "Requests" };

export default async function Page({ searchParams }: { searchParams: TSearchParams }) {
  const { user, allowed } = await consolePage("requests.read", "/requests", searchParams);
  if (!allowed) return <Forbidden role={user.role} permission="requests.read" />;
  return (
    <>
      <PageHeader
        title="Requests"
        description="Every HTTP attempt the console made to Mono: request id, Mono log_ id, idempotency key, status, error_code, latency and the wait before each retry. Bodies are redacted when logged."
      />
      <Card>
        <Suspense>
          <RequestList />
        </Suspense>
      </Card>
    </>
  );
}
