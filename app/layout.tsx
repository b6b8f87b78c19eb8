import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Mono Ops Console", template: "%s · Mono Ops Console" },
  description: "Operations console for the Mono Colombia integration",
  robots: { index: false, follow: false },
};

// The page's language is the person's (i18n/request.ts): the html lang attribute and every
// client component's catalogue follow it.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="font-sans">
        <NextIntlClientProvider locale={locale} messages={await getMessages()}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
