// Bearer API keys with Banking roles (docs/SANDBOX.md "Seeded data and API keys"): 401 when the
// key is missing, malformed or unknown; 403 when it is valid but its role may not call the
// endpoint.
import type { IncomingMessage } from "node:http";
import type { Sandbox } from "./context";
import { fail } from "./errors";
import type { TAccess } from "./http";
import type { TApiKey } from "./state";

export function authenticate(sb: Sandbox, req: IncomingMessage, access: TAccess): TApiKey | null {
  if (access === "admin") return null;
  const header = req.headers.authorization;
  if (!header)
    fail(
      401,
      "missing_authorization_header",
      "`Authorization` header is missing.",
      "#/headers/authorization",
    );
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const key = m ? sb.apiKeys.get(m[1]) : undefined;
  if (!key)
    fail(
      401,
      "expired_token",
      "The token is expired, inactive, or doesn't exist.",
      "#/headers/authorization",
    );
  if (!access.includes(key.role)) {
    fail(
      403,
      "not_authorized",
      `Not authorized to have access to this resource. The ${key.role} role cannot call this endpoint.`,
      null,
    );
  }
  return key;
}

export function checkAdmin(token: string | undefined, req: IncomingMessage): void {
  if (!token) return;
  const given = req.headers["x-sandbox-admin-token"];
  if (typeof given !== "string" || given === "")
    fail(
      401,
      "missing_authorization_header",
      "x-sandbox-admin-token header is missing.",
      "#/headers/x-sandbox-admin-token",
    );
  if (given !== token)
    fail(
      401,
      "expired_token",
      "x-sandbox-admin-token is not valid.",
      "#/headers/x-sandbox-admin-token",
    );
}

export const ALL_ROLES = ["Administrator", "Preparer", "Viewer"] as const;
export const ADMINISTRATOR = ["Administrator"] as const;
export const PREPARERS = ["Administrator", "Preparer"] as const;
