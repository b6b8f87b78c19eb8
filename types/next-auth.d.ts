import type { TRole } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: TRole };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    role?: string;
    provider?: string;
  }
}
