import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api-client";
import type { TNote, TNotes } from "@/lib/api/resources/note";
import type { TNoteTarget } from "@/lib/notes/schemas";

// The browser's view of the notes API (app/api/notes/**): types from the server's schemas.
export type { TNote, TNotes, TNoteTarget };
export type TTargetRef = { targetType: TNoteTarget; targetId: string };

const key = (t: TTargetRef) => ["notes", t.targetType, t.targetId] as const;

export function useNotes(t: TTargetRef) {
  return useQuery({
    queryKey: key(t),
    queryFn: ({ signal }) => apiFetch<TNotes>(`/api/notes?${new URLSearchParams(t)}`, { signal }),
  });
}

export function useNoteWrites(t: TTargetRef) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: key(t) });
  return {
    add: useMutation({
      mutationFn: (body: string) =>
        apiFetch<TNote>("/api/notes", { method: "POST", body: { ...t, body } }),
      onSuccess: done,
    }),
    edit: useMutation({
      mutationFn: (v: { id: string; body: string; version: number }) =>
        apiFetch<TNote>(`/api/notes/${v.id}`, {
          method: "PATCH",
          body: { body: v.body, version: v.version },
        }),
      onSuccess: done,
    }),
    link: useMutation({
      mutationFn: (ticketRef: string) =>
        apiFetch<TNotes>("/api/notes/tickets", { method: "POST", body: { ...t, ticketRef } }),
      onSuccess: done,
    }),
  };
}
