import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { ZOperationIdParams } from "@/lib/operations/schemas";

// An operation page for an id that is not an operation, or not one we have, is a 404 with the
// console's not-found page (one indexed read) instead of a page that keeps asking for it.
export async function requireOperation(id: string): Promise<void> {
  if (!ZOperationIdParams.safeParse({ id }).success) notFound();
  const found = await db.operation.findUnique({ where: { id }, select: { id: true } });
  if (!found) notFound();
}
