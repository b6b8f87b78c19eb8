import { apiFetch } from "../api-client";

export type TUserRow = {
  id: string;
  email: string;
  name: string;
  role: "viewer" | "operator" | "approver" | "admin";
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
};

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export const fetchUsers = (signal?: AbortSignal) =>
  apiFetch<{ users: TUserRow[] }>("/api/users", { signal });
export const createUserRequest = (body: { email: string; name: string; role: TUserRow["role"] }) =>
  apiFetch<{ user: TUserRow; temporaryPassword: string }>("/api/users", { method: "POST", body });
export const updateUserRequest = (
  id: string,
  body: Partial<Pick<TUserRow, "role" | "active" | "name">>,
) => apiFetch<{ user: TUserRow }>(`/api/users/${id}`, { method: "PATCH", body });
export const resetPasswordRequest = (id: string) =>
  apiFetch<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`, { method: "POST" });
