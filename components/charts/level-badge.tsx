import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import type { TBalanceLevel } from "./api";

const TONE = { ok: "green", warning: "yellow", critical: "red", unknown: "gray" } as const;

export function LevelBadge({ level }: { level: TBalanceLevel }) {
  const t = useTranslations("charts.level");
  return (
    <span data-testid="balance-level" data-level={level}>
      <Badge tone={TONE[level]}>{t(level)}</Badge>
    </span>
  );
}
