// The parts of untyped dependencies that taisei uses.
declare module 'fontkit' {
  export function openSync(path: string): unknown;
}
