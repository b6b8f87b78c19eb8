import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "./app-error";

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

// Reads a JSON body with a size limit, refusing other content types and malformed JSON.
export async function readJsonBody(req: NextRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new AppError("payload_too_large", `Body exceeds ${maxBytes} bytes`);
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json");
  }
  const buf = new Uint8Array(await req.arrayBuffer());
  if (buf.byteLength > maxBytes)
    throw new AppError("payload_too_large", `Body exceeds ${maxBytes} bytes`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new AppError("bad_request", "Body is not valid UTF-8");
  }
  if (text.trim() === "") throw new AppError("bad_request", "Body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Body is not valid JSON");
  }
}
