import { useTranslations } from "next-intl";
import { ShieldX } from "lucide-react";

// A page the person's role may not open. The role is shown by its label; the permission is the
// id the permission matrix uses (lib/auth/permissions.ts), as an admin would look it up.
export function Forbidden({ role, permission }: { role: string; permission: string }) {
  const t = useTranslations("ui.forbidden");
  const roles = useTranslations("users.roles");
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-6 py-10 text-center"
      data-testid="forbidden"
    >
      <ShieldX className="mx-auto h-10 w-10 text-red-500" aria-hidden />
      <h1 className="mt-3 text-lg font-semibold text-red-900">{t("title")}</h1>
      <p className="mx-auto mt-2 max-w-lg text-sm text-red-800">
        {t.rich("body", {
          role: roles.has(role) ? roles(role) : role,
          permission,
          strong: (c) => <strong>{c}</strong>,
          code: (c) => <code className="font-mono">{c}</code>,
        })}
      </p>
    </div>
  );
}
