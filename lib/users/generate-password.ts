import "server-only";
import { randomBytes } from "node:crypto";

// Temporary passwords: 16 characters from an unambiguous alphabet (~92 bits).
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export function generatePassword(length = 16): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}
