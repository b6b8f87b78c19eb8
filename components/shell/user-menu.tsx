"use client";

import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";
import { Badge } from "../ui/badge";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <div className="flex items-center gap-3">
      <div className="text-right leading-tight">
        <div className="text-sm font-medium text-slate-900" data-testid="user-name">
          {name}
        </div>
        <div className="text-xs text-slate-500">{email}</div>
      </div>
      <Badge tone="blue">
        <span data-testid="user-role">{role}</span>
      </Badge>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/login" })}
        className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <LogOut className="h-4 w-4" aria-hidden /> Sign out
      </button>
    </div>
  );
}
