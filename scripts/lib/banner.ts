export function printBanner(o: {
  url: string;
  monoEnv: string;
  database: string;
  sandbox?: string;
  logins: { role: string; email: string; password: string }[];
}) {
  const lines = [
    "",
    "  Mono Ops Console is running",
    "",
    `  Open:        ${o.url}`,
    `  Mono:        ${o.monoEnv}${o.sandbox ? ` (embedded sandbox at ${o.sandbox})` : ""}`,
    `  Database:    ${o.database}`,
  ];
  if (o.logins.length) {
    lines.push("", "  Demo logins (new passwords on every start; sandbox only):");
    for (const l of o.logins)
      lines.push(`    ${l.role.padEnd(9)} ${l.email.padEnd(30)} ${l.password}`);
  }
  lines.push("", "  Press Ctrl-C to stop everything.", "");
  console.log(lines.join("\n"));
}
