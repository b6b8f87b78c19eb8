// Pesos as a person types them in Colombia → integer COP minor units, by string math only.
// Accepted: "5000000", "5.000.000", "5.000.000,50", "5000000,5", "$ 5.000.000", "1.234,56 COP".
// In es-CO the comma is the decimal separator and the dot groups thousands. A lone dot followed by
// one or two digits ("5000000.50") is read as a decimal point too: nobody groups two digits.
export type TParsedMoney = { ok: true; minor: number } | { ok: false; error: string };

const MAX_MINOR = 10n ** 13n; // the console API's ceiling (ZMinor)

export function parsePesos(input: string): TParsedMoney {
  const s = input
    .replace(/[\s\u00a0]/g, "")
    .replace(/^(\$|COP)/i, "")
    .replace(/COP$/i, "");
  if (s === "") return { ok: false, error: "Enter an amount" };
  if (s.startsWith("-")) return { ok: false, error: "The amount must be positive" };
  let whole: string;
  let frac = "";
  if (s.includes(",")) {
    const parts = s.split(",");
    if (parts.length !== 2) return { ok: false, error: "Use one comma, for the cents" };
    [whole, frac] = parts;
    if (!isGrouped(whole) && !/^\d+$/.test(whole))
      return { ok: false, error: "Group thousands with dots: 5.000.000" };
  } else {
    const m = /^(\d+)\.(\d{1,2})$/.exec(s);
    if (m) [, whole, frac] = m;
    else if (/^\d+$/.test(s) || isGrouped(s)) whole = s;
    else return { ok: false, error: "Not an amount: try 5.000.000 or 5000000,50" };
  }
  if (!/^\d*$/.test(frac) || frac.length > 2)
    return { ok: false, error: "At most two decimals (cents)" };
  const digits = whole.replace(/\./g, "");
  if (digits === "") return { ok: false, error: "Enter the pesos before the comma" };
  const minor = BigInt(digits) * 100n + BigInt((frac + "00").slice(0, 2));
  if (minor <= 0n) return { ok: false, error: "The amount must be positive" };
  if (minor > MAX_MINOR) return { ok: false, error: "The amount is too large" };
  return { ok: true, minor: Number(minor) };
}

// "5.000.000": 1–3 digits, then groups of exactly three.
function isGrouped(s: string): boolean {
  return /^\d{1,3}(\.\d{3})+$/.test(s);
}
