// 十一・十三・十四 (⑨⑪⑫): every finding judged not appropriate has exactly one corrective entry in the
// matching item — the action taken or the reason none was — and no corrective entry points at a
// finding that does not exist, was judged appropriate, or belongs to another item.
import { toPointer } from '../util/pointer.js';
import type { Rule } from './types.js';
import { byId, list, type Data } from './util.js';

type Finding = { id: string; activity: string; verdict: string };
type Correction = { id: string; finding: string };

/** The three corrective sections and the findings each one answers. */
function pairs(data: Data): { corrections: 'complianceCorrections' | 'informationCorrections' | 'transactionCorrections'; findings: { finding: Finding; pointer: string }[] }[] {
  const compliance = list(data.compliance?.findings).map((finding, i) => ({ finding, pointer: toPointer(['compliance', 'findings', i]) }));
  const kinds = new Map(list(data.monitoring?.activities).map((a) => [a.id, a.kind]));
  const monitoring = list(data.monitoring?.findings).map((finding, i) => ({ finding, pointer: toPointer(['monitoring', 'findings', i]) }));
  return [
    { corrections: 'complianceCorrections', findings: compliance },
    { corrections: 'informationCorrections', findings: monitoring.filter((f) => kinds.get(f.finding.activity) === 'information-handling') },
    { corrections: 'transactionCorrections', findings: monitoring.filter((f) => kinds.get(f.finding.activity) === 'legality') },
  ];
}

export const rule: Rule = {
  id: 'corrections/finding-has-correction',
  basis: '施行規則第33条の16第11号・第13号・第14号',
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
          report({ pointer: toPointer([section, extra, 'finding']), message: 'duplicate', args: { finding: finding.id }, related: [{ pointer: toPointer([section, found[0]!, 'finding']), message: 'first' }] });
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
};
