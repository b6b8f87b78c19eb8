// `npm run db:migrate`: applies the versioned migrations to DATABASE_URL (npm start does this itself).
import { migrateDeploy } from "./lib/migrate";

if (!process.env.DATABASE_URL) {
  console.error(
    "Set DATABASE_URL to the PostgreSQL to migrate (npm start migrates its embedded database itself).",
  );
  process.exit(2);
}
migrateDeploy(process.env.DATABASE_URL);
