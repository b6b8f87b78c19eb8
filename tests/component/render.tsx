import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { NuqsTestingAdapter, type OnUrlUpdateFunction } from "nuqs/adapters/testing";
import type { TLocale } from "@/i18n/locales";
import { NAMESPACES } from "@/i18n/namespaces";

// The catalogues, read synchronously (the test runner has no bundler-side dynamic import needs).
import { readFileSync } from "node:fs";
import path from "node:path";
export function messagesOf(locale: TLocale) {
  return Object.fromEntries(
    NAMESPACES.map((ns) => [
      ns,
      JSON.parse(readFileSync(path.resolve("messages", locale, `${ns}.json`), "utf8")),
    ]),
  );
}

// Renders a component with what the console's Providers give it: next-intl (English unless the
// test asks for es-CO), react-query (no retries) and nuqs URL state starting from `search`;
// `onUrlUpdate` sees every URL write.
export function renderWithProviders(
  ui: React.ReactElement,
  {
    search = "",
    onUrlUpdate,
    locale = "en",
  }: { search?: string; onUrlUpdate?: OnUrlUpdateFunction; locale?: TLocale } = {},
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <NextIntlClientProvider locale={locale} messages={messagesOf(locale)} timeZone="America/Bogota">
      <QueryClientProvider client={client}>
        <NuqsTestingAdapter searchParams={search} onUrlUpdate={onUrlUpdate} hasMemory>
          {ui}
        </NuqsTestingAdapter>
      </QueryClientProvider>
    </NextIntlClientProvider>,
  );
}
