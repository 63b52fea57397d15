// Option value parsers that fail with our own (localised) usage errors.
import { InvalidArgumentError } from 'commander';
import { t, type Lang } from '../messages/index.js';

export function parseChoice<T extends string>(lang: Lang, allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(t(lang, 'cli.error.badFormat', { value, allowed: allowed.join(', ') }));
  };
}

export function parsePositiveNumber(lang: Lang): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(t(lang, 'cli.error.badNumber', { value }));
    return n;
  };
}

export function parsePositiveInteger(lang: Lang): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(t(lang, 'cli.error.badNumber', { value }));
    return n;
  };
}
