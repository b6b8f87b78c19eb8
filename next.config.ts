import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const isProd = process.env.NODE_ENV === "production";

// Security headers on every response. Next's production runtime needs inline scripts for its
// bootstrap; everything else is same-origin only, and nothing may frame the console.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProd ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Headers are fixed at build time, which reads no configuration (so not NEXTAUTH_URL): HSTS on
  // every production response. Browsers ignore it over plain HTTP (RFC 6797 §8.1), so a console
  // on http://localhost is not pinned; behind HTTPS it holds.
  ...(isProd
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }]
    : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "pg-boss"],
  typedRoutes: false,
  // The build type-checks only what ships; `npm run typecheck` covers tests, scripts and sandbox.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// next-intl reads the language and the catalogues per request (i18n/request.ts, docs/I18N.md).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
