// How deeply data nests, found without recursion: a filing nests a few levels; a file nested
// thousands deep is refused where it is read, before any walk over it could overflow the stack.

/** A filing's schema nests under twenty levels; this leaves room and stops any hostile depth. */
export const MAX_DEPTH = 64;

/** Whether `value` nests deeper than `limit` (arrays and objects count a level each). */
export function nestsDeeperThan(value: unknown, limit = MAX_DEPTH): boolean {
  // two parallel stacks, no per-node allocation: this runs on every file a validate reads
  const nodes: object[] = [];
  const depths: number[] = [];
  if (value !== null && typeof value === 'object') {
    nodes.push(value);
    depths.push(0);
  }
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth >= limit) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child !== null && typeof child === 'object') {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in node) {
        const child: unknown = (node as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}
