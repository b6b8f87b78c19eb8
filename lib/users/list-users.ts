import "server-only";
import { db } from "../db";

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ role: "desc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      lockedUntil: true,
      lastLoginAt: true,
      createdAt: true,
    },
  });
}
