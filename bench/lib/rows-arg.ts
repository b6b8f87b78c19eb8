// The row count a size-dependent benchmark loads: `--rows N` (or the first bare argument, as
// before), else BENCH_ROWS, else the benchmark's default. Accepts 1_000_000, 1e6 and 1M / 10M.
export function rowsArg(fallback: number, argv = process.argv.slice(2)): number {
  const i = argv.indexOf("--rows");
  const raw =
    (i >= 0 ? argv[i + 1] : argv.find((a) => !a.startsWith("--"))) ?? process.env.BENCH_ROWS;
  if (!raw) return fallback;
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(raw.replace(/_/g, ""));
  const n = m
    ? Number(m[1]) * (m[2].toLowerCase() === "m" ? 1e6 : m[2].toLowerCase() === "k" ? 1e3 : 1)
    : Number(raw);
  if (!Number.isFinite(n) || n < 1) throw new Error(`--rows must be a positive number, got ${raw}`);
  return Math.round(n);
}
