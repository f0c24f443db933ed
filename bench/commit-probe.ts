import { join } from 'node:path';
import { openRaw } from './sqlite';
import { median, round } from './stats';

export interface CommitProbe {
  /** Median time of one 50-row transaction, by synchronous setting, on the bench's temporary directory. */
  fullMs: number;
  normalMs: number;
}

/**
 * What one durable commit costs on this disk. With one connection and better-sqlite3 blocking the
 * event loop, 1000 / fullMs is a ceiling on orders per second for any route, bare or full.
 */
export function probeCommits(dir: string, commits = 200): CommitProbe {
  const timeOne = (synchronous: 'FULL' | 'NORMAL'): number => {
    const sqlite = openRaw(join(dir, `probe-${synchronous}.db`));
    try {
      sqlite.pragma(`synchronous = ${synchronous}`);
      sqlite.exec('create table lines (id integer primary key, order_id integer, effecteur_id integer, product_id integer, vials integer)');
      const insert = sqlite.prepare('insert into lines (order_id, effecteur_id, product_id, vials) values (?, ?, ?, ?)');
      const commit = sqlite.transaction((orderId: number) => {
        for (let k = 0; k < 50; k++) insert.run(orderId, k, 1, 2);
      });
      const times: number[] = [];
      for (let i = 0; i < commits; i++) {
        const started = performance.now();
        commit(i);
        times.push(performance.now() - started);
      }
      return round(median(times), 3);
    } finally {
      sqlite.close();
    }
  };
  return { fullMs: timeOne('FULL'), normalMs: timeOne('NORMAL') };
}
