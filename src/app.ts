import { Database } from './store/database.ts';

/**
 * Composition root: the one place that opens the store and wires it into services. CLI commands,
 * the HTTP server and tests get their services from here.
 */
export interface App {
  readonly db: Database;
  close(): void;
}

export async function openApp(dbPath: string): Promise<App> {
  const db = await Database.open(dbPath);
  return {
    db,
    close: () => db.close(),
  };
}
