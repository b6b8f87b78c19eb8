import { defineConfig } from "vitest/config";
import path from "node:path";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  "@": root,
  // lib/ files start with `import "server-only"`, whose plain entry throws outside React's
  // server bundle. Tests run server code directly, so they get an empty module instead.
  "server-only": path.join(root, "tests/support/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        // Shared UI pieces (DataTable, URL state, form shell, money and date helpers) rendered
        // in jsdom with @testing-library/react.
        resolve: { alias },
        test: {
          name: "component",
          include: ["tests/component/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["tests/component/setup.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          // One database for the run; files run one after another, because some change settings
          // every other file reads (the guard's kill switch). Tests use unique data, never truncate.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
