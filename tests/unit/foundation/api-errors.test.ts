import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { fieldErrors } from "@/lib/api/zod-errors";
import { mapUnknownError } from "@/lib/api/map-error";
import { AppError, ERROR_STATUS } from "@/lib/api/app-error";
import { toJsonSafe } from "@/lib/api/json";

describe("error mapping", () => {
  it("maps Prisma's known errors and hides everything else behind a generic 500", () => {
    expect(mapUnknownError({ name: "PrismaClientKnownRequestError", code: "P2025" }).status).toBe(
      404,
    );
    expect(mapUnknownError({ name: "PrismaClientKnownRequestError", code: "P2002" }).status).toBe(
      409,
    );
    const hidden = mapUnknownError(new Error("connection to 10.0.0.5 password=hunter2 failed"));
    expect(hidden.status).toBe(500);
    expect(hidden.message).not.toContain("hunter2");
    const mine = new AppError("forbidden", "no");
    expect(mapUnknownError(mine)).toBe(mine);
  });

  it("every code has a 4xx or 5xx status", () => {
    for (const status of Object.values(ERROR_STATUS)) expect(status).toBeGreaterThanOrEqual(400);
  });

  it("turns zod paths into escaped JSON pointers (property-based)", () => {
    fc.assert(
      // "__proto__" is excluded: zod itself does not validate a schema key of that name (no
      // schema of ours declares one; a body's "__proto__" field is simply unknown to them).
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((k) => k !== "__proto__"),
        (key) => {
          const schema = z.object({ [key]: z.number() });
          const r = schema.safeParse({ [key]: "not a number" });
          if (r.success) return false;
          const [e] = fieldErrors(r.error);
          const decoded = e.path.slice(1).replace(/~1/g, "/").replace(/~0/g, "~");
          return e.path.startsWith("/") && decoded === key;
        },
      ),
    );
  });

  it("serialises BigInt money exactly and refuses unsafe integers", () => {
    expect(toJsonSafe({ amount: 20_000_000_000n })).toEqual({ amount: 20_000_000_000 });
    expect(() => toJsonSafe({ amount: 2n ** 60n })).toThrow();
  });
});
