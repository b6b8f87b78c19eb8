import { apiFetch } from "../api-client";

import type { z } from "zod";
import type {
  TUser,
  ZNewUser,
  ZPasswordReset,
  ZUserChange,
  ZUserList,
} from "@/lib/api/resources/user";

// The server's response schemas (lib/api/resources/user.ts).
export type TUserRow = TUser;

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export const fetchUsers = (signal?: AbortSignal) =>
  apiFetch<z.infer<typeof ZUserList>>("/api/users", { signal });
export const createUserRequest = (body: { email: string; name: string; role: TUserRow["role"] }) =>
  apiFetch<z.infer<typeof ZNewUser>>("/api/users", { method: "POST", body });
export const updateUserRequest = (
  id: string,
  body: Partial<Pick<TUserRow, "role" | "active" | "name">>,
) => apiFetch<z.infer<typeof ZUserChange>>(`/api/users/${id}`, { method: "PATCH", body });
export const resetPasswordRequest = (id: string) =>
  apiFetch<z.infer<typeof ZPasswordReset>>(`/api/users/${id}/reset-password`, { method: "POST" });
