import { PageLoading } from "@/components/shell/page-loading";

export default function Loading() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-8">
      <PageLoading />
    </main>
  );
}
