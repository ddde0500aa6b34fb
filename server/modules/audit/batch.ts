/**
 * Group commit for access-log rows. Each caller still waits until its own
 * row is committed (so "no access without its row" holds: the router sends
 * nothing before `add` resolves, and a row that could not be written
 * rejects its caller only). What changes is how rows travel: while one
 * INSERT is in flight, rows that arrive meanwhile wait and then go together
 * in one multi-row INSERT. Alone, a row is written at once, as before;
 * under load (200 clinicians' requests at once) one statement and one
 * commit carry many rows instead of one each.
 *
 * `inFlight` INSERTs may run at once (PostgreSQL: 2). With one, a row that
 * arrived just after an INSERT left waited for that whole INSERT (its
 * turn in the connection pool, the statement, the commit's disk flush) and
 * then for its own, and each batch's ~100 answers left in one burst; with
 * two, the next batch goes out while the previous one is still committing,
 * batches are half as large and so are the bursts (bench/README.md, `api`).
 *
 * A failed batch is retried row by row, so one bad row cannot take the
 * others down with it.
 */
export interface Batcher<T> {
  add(row: T): Promise<void>;
}

interface Pending<T> {
  row: T;
  resolve(): void;
  reject(error: unknown): void;
}

export function createBatcher<T>(writeMany: (rows: T[]) => Promise<void>, maxRows = 500, inFlight = 1): Batcher<T> {
  let queue: Pending<T>[] = [];
  let flushing = 0;

  const settleOneByOne = async (batch: Pending<T>[]) => {
    await Promise.all(
      batch.map(async (p) => {
        try {
          await writeMany([p.row]);
          p.resolve();
        } catch (error) {
          p.reject(error);
        }
      }),
    );
  };

  const flush = async () => {
    flushing++;
    try {
      while (queue.length) {
        const batch = queue.slice(0, maxRows);
        queue = queue.slice(batch.length);
        try {
          await writeMany(batch.map((p) => p.row));
          for (const p of batch) p.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else await settleOneByOne(batch);
        }
      }
    } finally {
      flushing--;
    }
  };

  return {
    add(row) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        if (flushing < inFlight) void flush();
      });
    },
  };
}
