// Runs once when the Next.js server starts: refuse to serve with an incomplete configuration,
// then start the background workers (pg-boss) unless JOBS_DISABLED=1.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv, EnvError } = await import("./lib/env-schema");
  try {
    readEnv(process.env);
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      // Reflect keeps the bundler from flagging process.exit for the Edge build of this file.
      (Reflect.get(process, "exit") as (code: number) => never)(1);
    }
    throw err;
  }
  if (process.env.JOBS_DISABLED === "1" || process.env.JOBS_DISABLED === "true") return;
  const { startBackground } = await import("./lib/jobs/start-background");
  await startBackground();
}
