import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

// next-auth's own endpoints (sign-in, sign-out, session, csrf). It does its own CSRF check.
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
