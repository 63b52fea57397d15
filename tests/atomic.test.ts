// Outputs written all or nothing, and durably: each file's bytes and its folder's entry are flushed
// to the disk before the rename that commits them, and the folder again after.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers.js';

const calls: string[] = [];
/** The flush that fails with EIO (1 = the first), or 0 for none. */
let failAt = 0;
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const paths = new Map<number, string>();
  return {
    ...real,
    openSync: (path: string, ...rest: never[]) => {
      const fd = real.openSync(path, ...rest);
      paths.set(fd, path);
      return fd;
    },
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${paths.get(fd)}`);
      if (failAt > 0 && calls.filter((c) => c.startsWith('fsync')).length === failAt)
        throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      return real.fsyncSync(fd);
    },
    renameSync: (from: string, to: string) => {
      calls.push(`rename ${from} → ${to}`);
      return real.renameSync(from, to);
    },
  };
});

const { writeFilesAtomic } = await import('../src/util/atomic.js');

describe('writing outputs', () => {
  beforeEach(() => {
    calls.length = 0;
    failAt = 0;
  });

  it('flushes every file and its folder before the renames that commit them, and the folder after', () => {
    const dir = tempDir('taisei-atomic-');
    const files = [join(dir, 'report.pdf'), join(dir, 'report.zip')];
    fs.writeFileSync(files[0]!, 'last year');
    writeFilesAtomic(files.map((path, i) => ({ path, data: `new ${i}` })));
    expect(files.map((f) => fs.readFileSync(f, 'utf8'))).toEqual(['new 0', 'new 1']);
    const firstCommit = calls.findIndex((c) => c.startsWith('rename') && c.includes('.tmp →'));
    expect(firstCommit).toBeGreaterThan(0);
    const before = calls.slice(0, firstCommit);
    // both temporary files, then the folder, flushed before anything takes a target's name
    expect(before.filter((c) => /^fsync .*\.taisei-\d+-\d+\.tmp$/.test(c))).toHaveLength(2);
    expect(before).toContain(`fsync ${dir}`);
    expect(before.indexOf(`fsync ${dir}`)).toBeGreaterThan(before.findLastIndex((c) => c.endsWith('.tmp')));
    expect(calls.at(-1)).toBe(`fsync ${dir}`);
  });

  it('leaves the targets as they were when a flush fails, and no temporary file behind', () => {
    for (const at of [1, 2]) {
      // 1: the file's bytes; 2: the folder's entry — both before the commit
      const dir = tempDir('taisei-atomic-');
      const target = join(dir, 'report.pdf');
      fs.writeFileSync(target, 'last year');
      calls.length = 0;
      failAt = at;
      expect(() => writeFilesAtomic([{ path: target, data: 'new' }])).toThrow(
        expect.objectContaining({ args: expect.objectContaining({ reason: 'EIO' }) }),
      );
      expect(calls.some((c) => c.startsWith('rename') && c.endsWith(target))).toBe(false);
      expect(fs.readFileSync(target, 'utf8')).toBe('last year');
      expect(fs.readdirSync(dir)).toEqual(['report.pdf']);
    }
  });
});
