// RFC 6901 JSON pointers, the one way positions are named between stages.

export function encodeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + encodeSegment(s)).join('');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(value: unknown, segments: readonly string[]): unknown {
  let node = value;
  for (const s of segments) {
    if (Array.isArray(node)) node = node[Number(s)];
    else if (node !== null && typeof node === 'object') node = (node as Record<string, unknown>)[s];
    else return undefined;
  }
  return node;
}
