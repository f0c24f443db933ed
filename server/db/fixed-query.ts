import { CompiledQuery, type Compilable, type Insertable } from 'kysely';
import type { Database, Db } from './schema';

/** What a fixed query takes: plain values, each bound as one parameter. */
export type FixedQueryArg = string | number | null;

/**
 * A query whose shape never changes, compiled by Kysely once per database (so its SQL is right
 * for the dialect) and run with new parameters. Building and compiling a query costs Kysely
 * tens to hundreds of microseconds, more than SQLite takes to run most of them, and the order
 * path runs several per request.
 *
 * `build` is called once per database with marker values in place of the arguments; the
 * compiled parameters must be exactly those markers (each argument used at least once, in
 * whatever order or repetition the SQL needs), else the query is refused at its first run:
 * a value Kysely would inline instead of binding cannot be reused this way.
 *
 * The cache is keyed by the database's adapter, which a Kysely instance shares with its
 * transactions; no Kysely plugin is used in this server (a plugin that rewrites queries would
 * need its own key).
 */
export function fixedQuery<A extends FixedQueryArg[], R>(arity: A['length'], build: (db: Db, ...args: A) => Compilable<R>): (db: Db, ...args: A) => Promise<R[]> {
  const compiled = new WeakMap<object, { sql: string; order: number[] }>();
  const compile = (db: Db): { sql: string; order: number[] } => {
    const markers = Array.from({ length: arity }, (_, i) => `\u0000fixed-query-argument-${i}\u0000`);
    const query = build(db, ...(markers as A)).compile();
    const order = query.parameters.map((p) => markers.indexOf(p as string));
    const unbound = markers.some((m, i) => query.sql.includes(m) || !order.includes(i));
    if (order.includes(-1) || unbound) throw new Error(`fixedQuery: every argument must be bound as a parameter, and nothing else (${query.sql})`);
    return { sql: query.sql, order };
  };
  return async (db, ...args) => {
    const key = db.getExecutor().adapter;
    let entry = compiled.get(key);
    if (!entry) {
      entry = compile(db);
      compiled.set(key, entry);
    }
    const parameters = entry.order.map((i) => args[i]);
    return (await db.executeQuery<R>(CompiledQuery.raw(entry.sql, parameters))).rows;
  };
}

/**
 * A multi-row insert into fixed columns, its SQL compiled by Kysely once per database and row
 * count (the last `maxCounts` counts kept) and run with the rows' values as parameters.
 */
export function fixedInsert<T extends keyof Database>(
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  maxCounts = 32,
): (db: Db, rows: readonly (readonly FixedQueryArg[])[]) => Promise<void> {
  const compiled = new WeakMap<object, Map<number, string>>();
  const compile = (db: Db, count: number): string => {
    const markers = Array.from({ length: count * columns.length }, (_, i) => `\u0000fixed-insert-value-${i}\u0000`);
    const values = Array.from({ length: count }, (_, r) => Object.fromEntries(columns.map((c, k) => [c, markers[r * columns.length + k]])));
    const query = db.insertInto(table).values(values as Insertable<Database[T]>[]).compile();
    const inOrder = query.parameters.length === markers.length && query.parameters.every((p, i) => p === markers[i]);
    if (!inOrder || markers.some((m) => query.sql.includes(m))) throw new Error(`fixedInsert: values must be bound in row order (${table})`);
    return query.sql;
  };
  return async (db, rows) => {
    if (rows.length === 0) return;
    const key = db.getExecutor().adapter;
    let byCount = compiled.get(key);
    if (!byCount) {
      byCount = new Map();
      compiled.set(key, byCount);
    }
    let sql = byCount.get(rows.length);
    if (sql === undefined) {
      sql = compile(db, rows.length);
      if (byCount.size >= maxCounts) byCount.delete(byCount.keys().next().value as number);
      byCount.set(rows.length, sql);
    }
    const parameters: FixedQueryArg[] = [];
    for (const row of rows) {
      if (row.length !== columns.length) throw new Error(`fixedInsert: ${columns.length} values a row expected (${table})`);
      parameters.push(...row);
    }
    await db.executeQuery(CompiledQuery.raw(sql, parameters));
  };
}
