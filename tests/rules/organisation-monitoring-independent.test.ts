// organisation/monitoring-independent: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/organisation-monitoring-independent.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a filing without the monitoring section is asked for no board report', patch: (d) => delete d.monitoring },
    { name: 'a filer without a renewables department', patch: (d) => delete d.organisation.renewablesDepartment },
  ],
  invalid: [
    {
      name: 'monitoring by the 託送供給等部門 itself',
      patch: (d) => (d.organisation.monitoringDepartment.name = ' 託送サービス部'),
      expect: [['isWheeling', '/organisation/monitoringDepartment/name']],
    },
    {
      name: 'monitoring by the renewables department',
      patch: (d) => (d.organisation.monitoringDepartment.name = '再エネ契約センター'),
      expect: [['isRenewables', '/organisation/monitoringDepartment/name']],
    },
    {
      name: 'no stated independence',
      patch: (d) => delete d.organisation.monitoringDepartment.independentOfRelatedCompany,
      expect: [['notIndependent', '/organisation/monitoringDepartment/independentOfRelatedCompany']],
    },
    {
      name: 'no report to the board',
      patch: (d) => (d.monitoring.boardReports = []),
      expect: [['noBoardReport', '/monitoring/boardReports']],
    },
  ],
});
