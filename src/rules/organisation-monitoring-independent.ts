// The 監視部門 is neither the 託送供給等部門 nor the department for renewables contracts (第15号), is
// independent of the related company (第16号), and reported its results to the board (第19号).
import type { Rule } from './types.js';
import { list } from './util.js';

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');

export const rule: Rule = {
  id: 'organisation/monitoring-independent',
  basis: '施行規則第33条の15第1項第15号・第16号・第19号',
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
};
