import type { TRole } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: TRole };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    sid?: string; // session id: minted at sign-in, kept across refreshes (lib/auth/sessions.ts)
    role?: string;
    provider?: string;
  }
}
