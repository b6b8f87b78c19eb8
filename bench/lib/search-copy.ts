// COPY … FROM STDIN over the plain pg driver, without pg-copy-streams: a submittable query that
// answers PostgreSQL's CopyInResponse by streaming CSV chunks (CopyData) and then CopyDone, with
// socket backpressure. The pg client hands these protocol events to its active query.
import type pg from "pg";

export type TRowSource = () => Iterable<(string | null)[]>;
type TConnection = {
  query(text: string): void;
  sendCopyFromChunk(b: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(msg: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
};

const CHUNK = 1 << 20;

export function copyIn(
  client: pg.Client,
  sql: string,
  rows: TRowSource,
  onProgress?: (n: number) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let error: Error | null = null;
    let count = 0;
    const submittable = {
      submit(connection: TConnection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: TConnection) {
        void (async () => {
          let buf = "";
          for (const row of rows()) {
            buf += row.map(csvCell).join(",") + "\n";
            if (++count % 100_000 === 0) onProgress?.(count);
            if (buf.length >= CHUNK) {
              connection.sendCopyFromChunk(Buffer.from(buf));
              buf = "";
              if (connection.stream.writableNeedDrain)
                await new Promise((r) => connection.stream.once("drain", r));
            }
          }
          if (buf) connection.sendCopyFromChunk(Buffer.from(buf));
          connection.endCopyFrom();
        })().catch((err: Error) => connection.sendCopyFail(err.message));
      },
      handleCommandComplete() {},
      handleError(err: Error) {
        error = err;
      },
      handleReadyForQuery() {
        if (error) reject(error);
        else resolve(count);
      },
    };
    client.query(submittable as unknown as pg.Submittable);
  });
}

function csvCell(v: string | null): string {
  if (v === null) return "";
  return /[",\n\r]/.test(v) || v === "" ? `"${v.replace(/"/g, '""')}"` : v;
}
