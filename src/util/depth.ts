// How deeply data nests, found without recursion: a filing nests a few levels; a file nested
// thousands deep is refused where it is read, before any walk over it could overflow the stack.

/** A filing's schema nests under twenty levels; this leaves room and stops any hostile depth. */
export const MAX_DEPTH = 64;

/** Whether `value` nests deeper than `limit` (arrays and objects count a level each). */
export function nestsDeeperThan(value: unknown, limit = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
