import { ApiError } from "../api-client";

// Shows an API error the way support needs it: the message, field errors, and the request id.
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const p = error instanceof ApiError ? error.problem : null;
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      <p>{p ? p.detail : "Something went wrong. Try again."}</p>
      {p?.errors?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {p.errors.map((e) => (
            <li key={e.path + e.message}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {p?.request_id ? (
        <p className="mt-1 text-xs text-red-700">
          Request id: <code>{p.request_id}</code>
        </p>
      ) : null}
    </div>
  );
}
