// Loaded before fontkit, pdfkit and pdfmake (see fonts.ts and pdf.ts): the parts of them that
// most builds never use are loaded only when first used.
import { Module, createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Registers a module of pdfkit's or fontkit's as loaded, standing in for it until first used:
 * WOFF2 decompression (brotli), encryption (@noble), PNG images and UAX #14 line breaking are
 * required when pdfkit and fontkit load, a tenth of a small build, and a build never uses them
 * (a filer's WOFF2 font would load brotli on its first use).
 */
function defer(request: string, from: string): void {
  const req = createRequire(require.resolve(from));
  let path: string;
  try {
    path = req.resolve(request);
  } catch {
    return;
  }
  const cache = require.cache as Record<string, unknown>;
  if (cache[path]) return;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete cache[path];
      real = req(request) as object;
    }
    return real;
  };
  const proxy = new Proxy(function deferred() {}, {
    // interop helpers ask whether it is an ES module when it is required: that must not load it
    get: (_, key) => (key === '__esModule' ? undefined : Reflect.get(load(), key)),
    has: (_, key) => Reflect.has(load(), key),
    apply: (_, self, args) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
    construct: (_, args) => Reflect.construct(load() as new (...a: unknown[]) => object, args),
  });
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = proxy;
  // (a stand-in says so: tests check that a build never loads what it stands in for)
  (module as unknown as { taiseiDeferred: boolean }).taiseiDeferred = true;
  cache[path] = module;
}

let deferred = false;
export function deferUnusedModules(): void {
  if (deferred) return;
  deferred = true;
  for (const [request, from] of [
    ['brotli/decompress.js', 'fontkit'],
    ['@noble/ciphers/aes', 'pdfkit'],
    ['@noble/hashes/sha2', 'pdfkit'],
    ['@noble/hashes/utils', 'pdfkit'],
    ['png-js', 'pdfkit'],
    ['linebreak', 'pdfkit'],
    ['linebreak', 'pdfmake'],
  ] as const)
    defer(request, from);
}

deferUnusedModules();
