import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './database.ts';
import { ReadPool } from './read-pool.ts';

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function memoryDb(): Promise<Database> {
  const db = await Database.open(':memory:');
  open.push(db);
  return db;
}

/** A gate the test opens by hand: a query that "runs" until released. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

describe('ReadPool', () => {
  it('runs queries on its own connections, at most one per connection at a time', async () => {
    const db = await memoryDb();
    const pool = new ReadPool(db, 2);
    let running = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        pool.use(async (reader) => {
          expect(reader).not.toBe(db);
          running++;
          most = Math.max(most, running);
          const row = await reader.one<{ n: number }>(`SELECT ${i} + 1 AS n`);
          running--;
          return Number(row?.n);
        }),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(most).toBe(2);
    pool.close();
  });

  it('gives a free connection to a waiting lookup before earlier scans', async () => {
    const db = await memoryDb();
    const pool = new ReadPool(db, 1);
    const busy = gate();
    const order: string[] = [];
    const first = pool.use(async () => {
      await busy.promise;
      order.push('first');
    });
    // Wait until the first query holds the only connection.
    await new Promise((r) => setTimeout(r, 10));
    const scans = [1, 2].map((n) => pool.use(async () => void order.push(`scan${n}`), 'scan'));
    const lookup = pool.use(async () => void order.push('lookup'), 'lookup');
    await new Promise((r) => setTimeout(r, 0));
    expect(pool.waiting).toBe(3);
    busy.open();
    await Promise.all([first, ...scans, lookup]);
    expect(order).toEqual(['first', 'lookup', 'scan1', 'scan2']);
    pool.close();
  });

  it('releases the connection when a query fails', async () => {
    const db = await memoryDb();
    const pool = new ReadPool(db, 1);
    await expect(pool.use((r) => r.one('SELECT * FROM no_such_table'))).rejects.toThrow();
    expect(await pool.use((r) => r.one<{ x: number }>('SELECT 42 AS x'))).toEqual({ x: 42 });
    pool.close();
  });

  it('runs what still waits at close on the main connection', async () => {
    const db = await memoryDb();
    const pool = new ReadPool(db, 1);
    const busy = gate();
    const first = pool.use(async () => busy.promise);
    await new Promise((r) => setTimeout(r, 10));
    const waiting = pool.use(async (reader) => reader);
    pool.close();
    expect(await waiting).toBe(db);
    busy.open();
    await first;
  });
});
