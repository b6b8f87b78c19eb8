import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { pgConnectionConfig } from "./lib/db-url";

// The schema engine runs from WebAssembly (engine: "js"): nothing is downloaded. The adapter gets
// discrete connection fields, never a connection string (see docs/ARCHITECTURE.md, "Prisma").
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg(pgConnectionConfig(process.env.DATABASE_URL)),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
