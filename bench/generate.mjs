// Generates large filings for the benchmark: the ippan-15 example with N transaction records.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COUNTERPARTIES = [
  ['みなと新電力株式会社', 'retailer'],
  ['青葉エナジー株式会社', 'retailer'],
  ['北斗ソーラー合同会社', 'generator'],
  ['湊バイオマス発電株式会社', 'generator'],
  ['南央エネルギー取引株式会社', 'specified-wholesale'],
];
const SUBJECTS = [
  ['接続検討の回答', '接続検討の申込みに対し、連系可能容量と工事概算額を回答した。', '回答済み'],
  ['計量値の訂正', '計器故障による計量値の訂正内容を連絡した。', '訂正済み'],
  ['託送供給契約の変更', '契約電力の変更に伴う託送供給契約の変更手続を行った。', '手続完了'],
];

/** Writes examples/ippan-15 with `records` transaction records into `dir` and returns it. */
export function generateFiling(root, dir, records, variant = 0) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'examples', 'ippan-15'), dir, { recursive: true });
  const lines = ['transactions:', '  overview: 生成した記録（ベンチマーク用）。', '  retentionYears: 7', '  records:'];
  const start = Date.UTC(2024, 3, 1);
  for (let i = 0; i < records; i++) {
    const date = new Date(start + Math.floor((i * 365) / records) * 86_400_000).toISOString().slice(0, 10);
    const [name, kind] = COUNTERPARTIES[i % COUNTERPARTIES.length];
    const [subject, summary, outcome] = SUBJECTS[(i + (variant && i % 97 === 0 ? 1 : 0)) % SUBJECTS.length];
    lines.push(
      `    - id: TR-${String(i + 1).padStart(5, '0')}`,
      `      date: ${date}`,
      `      counterparty: {name: ${name}, kind: ${kind}}`,
      `      channel: email`,
      `      subject: ${subject}`,
      `      summary: ${summary}`,
      `      outcome: ${outcome}`,
    );
  }
  writeFileSync(join(dir, 'transactions.yaml'), lines.join('\n') + '\n');
  return dir;
}
