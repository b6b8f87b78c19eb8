import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { NuqsTestingAdapter, type OnUrlUpdateFunction } from "nuqs/adapters/testing";

// Renders a component with what the console's Providers give it: react-query (no retries) and
// nuqs URL state starting from `search`; `onUrlUpdate` sees every URL write.
export function renderWithProviders(
  ui: React.ReactElement,
  { search = "", onUrlUpdate }: { search?: string; onUrlUpdate?: OnUrlUpdateFunction } = {},
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <NuqsTestingAdapter searchParams={search} onUrlUpdate={onUrlUpdate} hasMemory>
        {ui}
      </NuqsTestingAdapter>
    </QueryClientProvider>,
  );
}
