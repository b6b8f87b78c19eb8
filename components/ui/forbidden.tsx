import { ShieldX } from "lucide-react";

export function Forbidden({ role, permission }: { role: string; permission: string }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-6 py-10 text-center"
      data-testid="forbidden"
    >
      <ShieldX className="mx-auto h-10 w-10 text-red-500" aria-hidden />
      <h1 className="mt-3 text-lg font-semibold text-red-900">
        You don&apos;t have access to this page
      </h1>
      <p className="mx-auto mt-2 max-w-lg text-sm text-red-800">
        Your role is <strong>{role}</strong>; this page needs the{" "}
        <code className="font-mono">{permission}</code> permission. Ask an admin if you need it.
      </p>
    </div>
  );
}
