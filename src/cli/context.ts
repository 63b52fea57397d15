import type { Lang } from '../messages/index.js';

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliContext {
  lang: Lang;
  io: CliIO;
  /** Records the process exit code; the highest one set wins (3 over 1 over 0). */
  exit(code: number): void;
}

export const EXIT = { ok: 0, findings: 1, usage: 2, io: 3, internal: 70 } as const;

export function useColor(io: CliIO, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io[stream].isTTY);
}
