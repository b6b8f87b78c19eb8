"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createUserRequest,
  fetchUsers,
  resetPasswordRequest,
  updateUserRequest,
  userKeys,
  type TUserRow,
} from "./api";

export function useUsers() {
  return useQuery({ queryKey: userKeys.list(), queryFn: ({ signal }) => fetchUsers(signal) });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createUserRequest,
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Partial<Pick<TUserRow, "role" | "active">>) =>
      updateUserRequest(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPasswordRequest });
}
