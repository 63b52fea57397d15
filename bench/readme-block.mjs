// The markers of the README's generated benchmark block (bench/run.mjs --write-readme writes it;
// tests/docs.test.ts checks that it was not edited by hand).
export const README_BEGIN = '<!-- bench:begin: written by `npm run bench -- --write-readme`; do not edit by hand -->';
export const README_END = '<!-- bench:end -->';
