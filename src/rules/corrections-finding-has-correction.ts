// 十一・十三・十四 (⑨⑪⑫): every finding judged not appropriate has exactly one corrective entry in the
// matching item — the action taken or the reason none was — and no corrective entry points at a
// finding that does not exist, was judged appropriate, or belongs to another item.
import { toPointer } from '../util/pointer.js';
import { defineRule, type RuleMessages } from './types.js';
import { byId, list, type Data } from './util.js';

type Finding = { id: string; activity: string; verdict: string };
type Correction = { id: string; finding: string };

/** The three corrective sections and the findings each one answers. */
function pairs(data: Data): {
  corrections: 'complianceCorrections' | 'informationCorrections' | 'transactionCorrections';
  findings: { finding: Finding; pointer: string }[];
}[] {
  const compliance = list(data.compliance?.findings).map((finding, i) => ({ finding, pointer: toPointer(['compliance', 'findings', i]) }));
  const kinds = new Map(list(data.monitoring?.activities).map((a) => [a.id, a.kind]));
  const monitoring = list(data.monitoring?.findings).map((finding, i) => ({ finding, pointer: toPointer(['monitoring', 'findings', i]) }));
  return [
    { corrections: 'complianceCorrections', findings: compliance },
    { corrections: 'informationCorrections', findings: monitoring.filter((f) => kinds.get(f.finding.activity) === 'information-handling') },
    { corrections: 'transactionCorrections', findings: monitoring.filter((f) => kinds.get(f.finding.activity) === 'legality') },
  ];
}

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Every finding judged not appropriate has exactly one corrective entry',
    why: 'Items 十一, 十三 and 十四 (⑨, ⑪, ⑫) report, for each monitoring result that was not appropriate, the corrective action taken or the reason none was taken. A result without an entry, two entries, or an entry pointing at a result that does not exist or was appropriate, leaves the report wrong.',
    fix: 'give each not-appropriate finding one entry in the matching corrections section (complianceCorrections for compliance.findings; informationCorrections for information-handling monitoring; transactionCorrections for legality monitoring)',
    example:
      'complianceCorrections:\n  - id: CC-01\n    finding: CF-02\n    outcome: taken\n    action: 後任を発令と同時に任命する運用に改めた。',
    msg: {
      missing: 'finding {finding} was judged not appropriate but has no entry in {section}',
      duplicate: 'finding {finding} has more than one corrective entry',
      first: 'the first entry for it',
      unknown: '{section} points at finding "{finding}", which does not exist',
      wrongItem: 'finding "{finding}" belongs to another corrective item than {section}',
      appropriate: 'finding {finding} was judged appropriate: it needs no corrective entry',
    },
  },
  ja: {
    title: '適正でない監視結果ごとに是正措置の記載が1件ある',
    why: '十一・十三・十四（⑨・⑪・⑫）には、適正でないとされた監視結果ごとに、講じた是正措置の内容又は講じなかった理由を記載する。記載のない結果、2件ある結果、存在しない結果や適正な結果を指す記載があると、報告が誤りになる。',
    fix: '適正でない監視結果ごとに、対応する是正措置のセクションに1件記載してください（compliance.findings は complianceCorrections、情報の取扱いの監視は informationCorrections、遵法性の監視は transactionCorrections）',
    example:
      'complianceCorrections:\n  - id: CC-01\n    finding: CF-02\n    outcome: taken\n    action: 後任を発令と同時に任命する運用に改めた。',
    msg: {
      missing: '監視結果 {finding} は適正でないとされていますが、{section} に記載がありません',
      duplicate: '監視結果 {finding} に是正措置の記載が2件以上あります',
      first: '最初の記載',
      unknown: '{section} が指す監視結果「{finding}」はありません',
      wrongItem: '監視結果「{finding}」は {section} ではなく別の是正措置の事項に対応します',
      appropriate: '監視結果 {finding} は適正とされており、是正措置の記載は不要です',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'corrections/finding-has-correction',
  messages,
  basis: '施行規則第33条の16第11号・第13号・第14号',
  provision: 'correctionItems',
  severity: 'error',
  check({ data, report }) {
    for (const { corrections: section, findings } of pairs(data)) {
      const corrections = list(data[section] as Correction[] | undefined);
      const byFinding = new Map<string, number[]>();
      corrections.forEach((c, i) => byFinding.set(c.finding, [...(byFinding.get(c.finding) ?? []), i]));
      const findingIds = byId(findings.map((f) => f.finding));
      for (const { finding, pointer } of findings) {
        if (finding.verdict !== 'not-appropriate') continue;
        const found = byFinding.get(finding.id) ?? [];
        if (found.length === 0) report({ pointer: `${pointer}/verdict`, message: 'missing', args: { finding: finding.id, section } });
        for (const extra of found.slice(1)) {
          report({
            pointer: toPointer([section, extra, 'finding']),
            message: 'duplicate',
            args: { finding: finding.id },
            related: [{ pointer: toPointer([section, found[0]!, 'finding']), message: 'first' }],
          });
        }
      }
      corrections.forEach((c, i) => {
        const target = findingIds.get(c.finding);
        const pointer = toPointer([section, i, 'finding']);
        if (!target) {
          const elsewhere = pairs(data).some((p) => p.corrections !== section && p.findings.some((f) => f.finding.id === c.finding));
          report({ pointer, message: elsewhere ? 'wrongItem' : 'unknown', args: { finding: c.finding, section } });
        } else if (target.entry.verdict !== 'not-appropriate') {
          report({ pointer, message: 'appropriate', args: { finding: c.finding } });
        }
      });
    }
  },
});
