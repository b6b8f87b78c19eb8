// pglite-socket runs every client's protocol messages through one queue on PGlite's single
// Postgres session. It keeps a transaction's messages together, but not the messages of one
// extended-protocol round (Parse, Bind, Describe, Execute … Sync): under concurrency another
// connection's Parse could land between a Parse and its Bind ("bind message supplies 3
// parameters, but prepared statement "" requires 2"), or — worse — a Bind could run another
// client's statement. It also stops the queue for good when one message fails. This replaces the
// queue's scheduler: a round stays with its connection until Sync, and a failure is reported to
// its client only.
type TItem = {
  handlerId: number;
  message: Uint8Array;
  resolve: (n: number) => void;
  reject: (e: unknown) => void;
  onData: (d: Uint8Array) => void;
};
type TQueue = {
  queue: TItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(
      m: Uint8Array,
      o: { onRawData: (d: Uint8Array) => void },
    ): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(id: number): void;
};

const OPENS_ROUND = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // P B D E C H
const CLOSES_ROUND = new Set([0x53, 0x51, 0x58]); // Sync, simple Query, Terminate

export function patchProtocolQueue(queue: unknown): void {
  const q = queue as TQueue;
  let roundOwner: number | null = null;

  q.processQueue = async function processQueue(this: TQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = roundOwner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let item: TItem | undefined;
        if (owner !== null) {
          const i = this.queue.findIndex((r) => r.handlerId === owner);
          if (i === -1) break; // wait for the owner's next message; enqueue() wakes us
          item = this.queue.splice(i, 1)[0];
        } else {
          item = this.queue.shift();
        }
        if (!item) break;
        const type = item.message[0];
        let bytes = 0;
        try {
          const current = item;
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (d) => {
                bytes += d.length;
                current.onData(d);
              },
            }),
          );
          if (OPENS_ROUND.has(type)) roundOwner = item.handlerId;
          else if (CLOSES_ROUND.has(type)) roundOwner = null;
          this.lastHandlerId = item.handlerId;
          item.resolve(bytes);
        } catch (err) {
          if (roundOwner === item.handlerId) roundOwner = null;
          item.reject(err);
        }
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = function (id: number) {
    clear(id);
    if (roundOwner === id) roundOwner = null; // a client that left mid-round must not block the rest
    void q.processQueue();
  };
}
