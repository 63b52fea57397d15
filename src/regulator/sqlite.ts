// One small adapter over the SQLite the regulator's side runs on: Node's own node:sqlite where Node
// has it (22.13 and later, no flag), else better-sqlite3 if it is installed beside taisei (an
// optional peer: Node 20 only). Nothing else in the project knows which one it got.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Statement {
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface Database {
  /** Which SQLite it runs on. */
  readonly driver: 'node:sqlite' | 'better-sqlite3';
  prepare(sql: string): Statement;
  exec(sql: string): void;
  /**
   * `fn` inside BEGIN IMMEDIATE … COMMIT: the write lock is taken first (waiting on a busy database),
   * so two runs never both read, then both write; any error rolls it back and is thrown again.
   */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenOptions {
  /** The file must exist already: nothing is created. */
  mustExist: boolean;
  readOnly?: boolean;
  /**
   * How long a statement waits on a database another run holds (milliseconds; 0: fail at once).
   * Set on the connection as it opens, so even the first read of a read-only connection waits.
   */
  busyTimeoutMs?: number;
}

/** Why no SQLite could be loaded: neither node:sqlite nor better-sqlite3. */
export class NoSqlite extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('; '));
    this.name = 'NoSqlite';
  }
}

type NodeSqlite = typeof import('node:sqlite');

/** node:sqlite, or undefined where this Node has none (before 22.13 it needs a flag). */
function nodeSqlite(): NodeSqlite | undefined {
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  // Node 22 and 23 say once that node:sqlite is experimental; the tool's output is no place for it.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite/i.test(text)) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return (getBuiltin ? getBuiltin('node:sqlite') : require('node:sqlite')) as NodeSqlite | undefined;
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
}

interface BetterSqlite3Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  transaction<T>(fn: () => T): () => T;
  close(): void;
}
type BetterSqlite3 = new (path: string, options: { fileMustExist: boolean; readonly: boolean }) => BetterSqlite3Database;

function transactionOf(exec: (sql: string) => void) {
  return <T>(fn: () => T): T => {
    exec('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = fn();
    } catch (error) {
      exec('ROLLBACK');
      throw error;
    }
    exec('COMMIT');
    return result;
  };
}

/** Opens a SQLite database file. Errors opening the file are thrown as they come; NoSqlite when there is no SQLite. */
export function openSqlite(path: string, options: OpenOptions): Database {
  const reasons: string[] = [];
  const native = process.env.TAISEI_SQLITE === 'better-sqlite3' ? undefined : nodeSqlite();
  if (native) {
    if (options.mustExist && !existsSync(path))
      throw Object.assign(new Error(`unable to open database file: ${path}: no such file`), { code: 'ENOENT' });
    const db = new native.DatabaseSync(path, { readOnly: options.readOnly ?? false });
    const exec = (sql: string) => db.exec(sql);
    if (options.busyTimeoutMs) exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs)}`);
    return {
      driver: 'node:sqlite',
      prepare: (sql) => db.prepare(sql) as unknown as Statement,
      exec,
      transaction: transactionOf(exec),
      close: () => db.close(),
    };
  }
  reasons.push(`node:sqlite is not in Node ${process.versions.node}`);
  let Better: BetterSqlite3;
  try {
    Better = require('better-sqlite3') as BetterSqlite3;
  } catch (error) {
    reasons.push(`better-sqlite3: ${(error as Error).message.split('\n')[0]}`);
    throw new NoSqlite(reasons);
  }
  let db: BetterSqlite3Database;
  try {
    db = new Better(path, { fileMustExist: options.mustExist, readonly: options.readOnly ?? false });
  } catch (error) {
    // a build of better-sqlite3 for another Node cannot load: that is no SQLite, not a bad file
    if (
      (error as { code?: string }).code === 'ERR_DLOPEN_FAILED' ||
      /NODE_MODULE_VERSION|compiled against a different Node/.test(String(error))
    ) {
      reasons.push(`better-sqlite3 was built for another Node (${(error as Error).message.split('\n')[0]})`);
      throw new NoSqlite(reasons);
    }
    throw error;
  }
  if (options.busyTimeoutMs) db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs)}`);
  return {
    driver: 'better-sqlite3',
    prepare: (sql) => db.prepare(sql),
    exec: (sql) => db.exec(sql),
    transaction: (fn) => (db.transaction(fn) as unknown as { immediate(): ReturnType<typeof fn> }).immediate(),
    close: () => db.close(),
  };
}
