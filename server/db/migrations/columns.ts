import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

type ColumnCallback = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Integer keys, because random text keys cost several times more per write in SQLite.
 * SQLite's INTEGER PRIMARY KEY is the rowid itself; PostgreSQL needs an identity column.
 */
export function idColumn(db: Kysely<unknown>): ColumnCallback {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return (col) => col.primaryKey().generatedByDefaultAsIdentity();
  }
  return (col) => col.primaryKey();
}
