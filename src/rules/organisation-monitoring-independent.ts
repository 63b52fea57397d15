// The 監視部門 is neither the 託送供給等部門 nor the department for renewables contracts (第15号), is
// independent of the related company (第16号), and reported its results to the board (第19号).
import { defineRule, type RuleMessages } from './types.js';
import { list } from './util.js';

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'The monitoring department stands apart and reports to the board',
    why: 'The 監視部門 must be separate from the 託送供給等部門 and from the department for renewables contracts, independent of the related company, and report its results to the board or an equivalent body ({basis}).',
    fix: 'name a department of its own, confirm its independence, and record the reports to the board in monitoring.boardReports',
    example: 'monitoringDepartment:\n  name: 中立性監査室\n  independentOfRelatedCompany: true',
    msg: {
      isWheeling: 'the monitoring department ({name}) is the 託送供給等部門 itself',
      isRenewables: 'the monitoring department ({name}) is the department for renewables contracts',
      notIndependent: 'the monitoring department is not stated to be independent of the related company',
      noBoardReport: 'the monitoring results were not reported to the board (no board reports)',
    },
  },
  ja: {
    title: '監視部門が独立し、取締役会等に報告している',
    why: '監視部門は託送供給等部門及び再エネ特定契約等に係る部門とは別に置き、特定関係事業者から独立し、監視の結果を取締役会その他の業務執行を決定する機関に報告する（{basis}）。',
    fix: '独立した部門を置き、その独立性を記載し、取締役会等への報告を monitoring.boardReports に記録してください',
    example: 'monitoringDepartment:\n  name: 中立性監査室\n  independentOfRelatedCompany: true',
    msg: {
      isWheeling: '監視部門（{name}）が託送供給等部門と同じです',
      isRenewables: '監視部門（{name}）が再エネ特定契約等に係る部門と同じです',
      notIndependent: '監視部門が特定関係事業者から独立していると記載されていません',
      noBoardReport: '監視の結果を取締役会等に報告した記録がありません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'organisation/monitoring-independent',
  messages,
  basis: '施行規則第33条の15第1項第15号・第16号・第19号',
  provision: 'monitoringDepartment',
  severity: 'error',
  check({ data, report }) {
    const organisation = data.organisation;
    if (!organisation) return;
    const monitoring = organisation.monitoringDepartment;
    if (norm(monitoring.name) === norm(organisation.wheelingDepartment?.name)) {
      report({ pointer: '/organisation/monitoringDepartment/name', message: 'isWheeling', args: { name: monitoring.name } });
    }
    if (organisation.renewablesDepartment && norm(monitoring.name) === norm(organisation.renewablesDepartment.name)) {
      report({ pointer: '/organisation/monitoringDepartment/name', message: 'isRenewables', args: { name: monitoring.name } });
    }
    if (monitoring.independentOfRelatedCompany !== true) {
      report({ pointer: '/organisation/monitoringDepartment/independentOfRelatedCompany', message: 'notIndependent' });
    }
    if (data.monitoring && list(data.monitoring.boardReports).length === 0) {
      report({ pointer: '/monitoring/boardReports', message: 'noBoardReport' });
    }
  },
});
