import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { can, PERMISSIONS, ROLES, roleRank, type TPermission } from "@/lib/auth/permissions";

const perms = Object.keys(PERMISSIONS) as TPermission[];

describe("permission matrix", () => {
  it("is monotonic: a higher role holds everything a lower role holds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...ROLES),
        fc.constantFrom(...perms),
        (a, b, p) => {
          if (roleRank(a) <= roleRank(b) && can(a, p)) return can(b, p);
          return true;
        },
      ),
    );
  });

  it("gives money movement and administration to the right roles", () => {
    expect(can("viewer", "payouts.create")).toBe(false);
    expect(can("operator", "payouts.create")).toBe(true);
    expect(can("operator", "payouts.approve")).toBe(false);
    expect(can("approver", "payouts.approve")).toBe(true);
    expect(can("approver", "users.manage")).toBe(false);
    expect(can("admin", "users.manage")).toBe(true);
    expect(can("admin", "policy.write")).toBe(true);
    expect(can("viewer", "requests.read")).toBe(true);
  });
});
