import "server-only";

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Body exceeds ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}
export class BodyNotUtf8Error extends Error {
  constructor() {
    super("Body is not valid UTF-8");
    this.name = "BodyNotUtf8Error";
  }
}

// The raw body, exactly as received (the signature is over these bytes), read with a hard limit:
// a declared Content-Length over the limit is refused before reading, and a body that lies about
// its length (or is chunked) is cut off as soon as the bytes read pass the limit — never buffered
// whole.
export async function readRawBody(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) {
    await req.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit);
  }
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const buf = Buffer.concat(chunks, total);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new BodyNotUtf8Error();
  }
}
