// Outputs are written all or nothing: every file to a temporary file beside its target first, its
// bytes and its folder's entry flushed to the disk (fsync), then all renamed into place and the
// folders flushed again, so that a power cut leaves either the old files or the new ones, never an
// empty or half-written one under the target's name; if anything fails, every temporary file is
// removed and every target is left as it was (one already replaced is put back). A run killed half-way may leave a temporary
// file: its name says which process wrote it, and a later run in that directory removes it.
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, parse } from 'node:path';
import { InputOutputError, errnoReason } from '../errors.js';

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
  mode?: number;
}

const TEMP = /^\..+\.taisei-(\d+)-\d+\.(?:tmp|old)$/;
let counter = 0;
const tempName = (path: string, kind: 'tmp' | 'old') =>
  join(dirname(path), `.${basename(path)}.taisei-${process.pid}-${++counter}.${kind}`);

/** Whether a process is running (a temporary file of a live one is left alone). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what killed runs left in a directory. */
function cleanStale(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && !alive(Number(m[1]))) removeQuietly(join(dir, name));
  }
}

/**
 * Creates a directory and its missing parents, one level at a time and at most 64 of them: Node's
 * own recursive mkdir can loop for ever where the file system answers oddly (under /proc).
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    try {
      if (!statSync(at).isDirectory()) throw new InputOutputError('cli.error.notDirectory', { path: at });
      break;
    } catch (error) {
      if (error instanceof InputOutputError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new InputOutputError('cli.error.write', { path: dir, reason: errnoReason(error) });
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at || missing.length > 64 || parse(at).root === at)
      throw new InputOutputError('cli.error.write', { path: dir, reason: 'ENOENT' });
    at = up;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(path).isDirectory()) continue;
      throw new InputOutputError('cli.error.write', { path: dir, reason: errnoReason(error) });
    }
  }
}

/** Writes every file, or none: see the top of this file. */
export function writeFilesAtomic(files: readonly OutputFile[]): void {
  const temps: string[] = [];
  const replaced: { path: string; backup?: string }[] = [];
  let failed: { path: string; error: unknown } | undefined;
  try {
    for (const file of files) {
      const dir = dirname(file.path);
      makeDirectory(dir);
      cleanStale(dir);
      // a file only replaces a file: a directory (or anything else) of that name is left alone
      const existing = lstatOrUndefined(file.path);
      if (existing && !existing.isFile() && !existing.isSymbolicLink())
        throw new InputOutputError('cli.error.write', {
          path: file.path,
          reason: existing.isDirectory() ? 'is a directory' : 'not a regular file',
        });
    }
    for (const file of files) {
      const temp = tempName(file.path, 'tmp');
      temps.push(temp);
      try {
        writeDurably(temp, file.data, file.mode);
      } catch (error) {
        failed = { path: file.path, error };
        throw error;
      }
    }
    const folders = [...new Set(files.map((file) => dirname(file.path)))];
    for (const folder of folders) syncFolder(folder);
    files.forEach((file, i) => {
      try {
        const backup = existsSync(file.path) ? tempName(file.path, 'old') : undefined;
        if (backup) renameSync(file.path, backup);
        replaced.push({ path: file.path, ...(backup ? { backup } : {}) });
        renameSync(temps[i]!, file.path);
      } catch (error) {
        failed = { path: file.path, error };
        throw error;
      }
    });
  } catch (error) {
    // put back what was replaced, newest first, and remove every temporary file
    for (const { path, backup } of replaced.reverse()) {
      try {
        if (backup) renameSync(backup, path);
        else rmSync(path, { force: true });
      } catch {
        // nothing more can be done for this one
      }
    }
    for (const temp of temps) removeQuietly(temp);
    if (error instanceof InputOutputError) throw error;
    throw new InputOutputError('cli.error.write', {
      path: failed?.path ?? files[0]?.path ?? '',
      reason: errnoReason(failed?.error ?? error),
    });
  }
  // the new names, flushed too; they are in place already, so a folder that cannot be flushed now is
  // no failure of the run
  for (const folder of new Set(files.map((file) => dirname(file.path))))
    try {
      syncFolder(folder);
    } catch {
      // as durable as the file system makes it
    }
  for (const { backup } of replaced) if (backup) removeQuietly(backup);
}

/** Writes a file and flushes its bytes to the disk before it is closed. */
function writeDurably(path: string, data: string | Uint8Array, mode: number | undefined): void {
  const fd = openSync(path, 'w', mode);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Flushes a folder's entries (the files made or renamed in it) to the disk. Where the platform
 * cannot open or flush a folder (Windows), the rename is as durable as it can make it: no error.
 */
function syncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
  } finally {
    closeSync(fd);
  }
}

/** Removes a file if it is there (one never made, or a name too long to make, is no error). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // it was never written
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes a new file that must not exist yet, all or nothing, and exclusively: of several runs that
 * create it at once, one succeeds and every other gets false (a hard link to the finished temporary
 * file is made under the name, which fails where the name is taken).
 */
export function createFileExclusive(path: string, data: string | Uint8Array, mode?: number): boolean {
  makeDirectory(dirname(path));
  const temp = tempName(path, 'tmp');
  try {
    writeDurably(temp, data, mode);
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw new InputOutputError('cli.error.write', { path, reason: errnoReason(error) });
    }
    syncFolder(dirname(path));
    return true;
  } finally {
    removeQuietly(temp);
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number): void {
  writeFilesAtomic([{ path, data, ...(mode === undefined ? {} : { mode }) }]);
}
