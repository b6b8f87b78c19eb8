import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "./app-error";
import { apiWords } from "./detail-words";

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

// Reads a JSON body with a size limit, refusing other content types and malformed JSON.
export async function readJsonBody(req: NextRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw AppError.worded("payload_too_large", apiWords("body_too_large", { bytes: maxBytes }));
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw AppError.worded("unsupported_media_type", apiWords("body_not_json_type"));
  }
  const buf = new Uint8Array(await req.arrayBuffer());
  if (buf.byteLength > maxBytes)
    throw AppError.worded("payload_too_large", apiWords("body_too_large", { bytes: maxBytes }));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw AppError.worded("bad_request", apiWords("body_not_utf8"));
  }
  if (text.trim() === "") throw AppError.worded("bad_request", apiWords("body_empty"));
  try {
    return JSON.parse(text);
  } catch {
    throw AppError.worded("bad_request", apiWords("body_not_json"));
  }
}
