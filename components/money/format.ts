import { formatMoney } from "@/lib/format/format";
// Money on screen. The console API speaks integer COP minor units (cents) as JSON numbers, always
// far below 2^53, so a number is exact; the arithmetic here still goes through BigInt and strings
// so no float ever touches an amount.
const GROUPED = new Intl.NumberFormat("es-CO", { useGrouping: true, maximumFractionDigits: 0 });

function split(minor: number | bigint): { negative: boolean; pesos: bigint; cents: bigint } {
  const m = BigInt(minor);
  const abs = m < 0n ? -m : m;
  return { negative: m < 0n, pesos: abs / 100n, cents: abs % 100n };
}

// "$ 5.000.000" or "$ 5.000.000,50": the one money formatter (lib/format/format.ts).
export function formatCop(minor: number | bigint): string {
  return formatMoney(minor);
}

// The same amount without the currency sign, as a person would type it back ("5.000.000,50").
export function minorToPesosInput(minor: number | bigint): string {
  const { negative, pesos, cents } = split(minor);
  const whole = GROUPED.format(pesos);
  return (
    (negative ? "-" : "") + (cents === 0n ? whole : `${whole},${cents.toString().padStart(2, "0")}`)
  );
}
