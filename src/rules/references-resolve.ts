// Every reference resolves: trainings and management activities to rules, log reviews to systems,
// findings to their activities, rooms to sites and floor plans, attachments to files inside the filing.
import { toPointer } from '../util/pointer.js';
import type { Rule } from './types.js';
import { list, type Data } from './util.js';

type Entry = Record<string, unknown>;

/** [list of referring entries (pointer prefix), field (string or string[]), target list] */
function references(data: Data): { from: (string | number)[]; entries: Entry[]; field: string; target: string; ids: Set<string> }[] {
  const ids = (entries: { id: string }[] | undefined) => new Set(list(entries).map((e) => e.id));
  const rules = ids(data.rules);
  const systems = ids(data.systems);
  const attachments = ids(data.attachments);
  const sites = ids(data.premises?.sites);
  const bodies = ids(data.organisation?.managementBodies);
  const related = ids(data.relatedCompanies);
  const logReviews = ids(data.logReviews);
  const e = (x: unknown) => list(x as Entry[] | undefined);
  return [
    { from: ['trainings'], entries: e(data.trainings), field: 'rules', target: 'rules', ids: rules },
    { from: ['informationManagement'], entries: e(data.informationManagement), field: 'rules', target: 'rules', ids: rules },
    { from: ['informationManagement'], entries: e(data.informationManagement), field: 'systems', target: 'systems', ids: systems },
    { from: ['logReviews'], entries: e(data.logReviews), field: 'system', target: 'systems', ids: systems },
    { from: ['disasterResponses'], entries: e(data.disasterResponses), field: 'systems', target: 'systems', ids: systems },
    { from: ['disasterResponses'], entries: e(data.disasterResponses), field: 'logReview', target: 'logReviews', ids: logReviews },
    { from: ['managementMeasures'], entries: e(data.managementMeasures), field: 'body', target: 'organisation.managementBodies', ids: bodies },
    { from: ['premises', 'rooms'], entries: e(data.premises?.rooms), field: 'site', target: 'premises.sites', ids: sites },
    { from: ['premises', 'rooms'], entries: e(data.premises?.rooms), field: 'floorPlan', target: 'attachments', ids: attachments },
    { from: ['premises', 'commonAreas'], entries: e(data.premises?.commonAreas), field: 'site', target: 'premises.sites', ids: sites },
    { from: ['rules'], entries: e(data.rules), field: 'attachment', target: 'attachments', ids: attachments },
    { from: ['compliance', 'findings'], entries: e(data.compliance?.findings), field: 'activity', target: 'compliance.activities', ids: ids(data.compliance?.activities) },
    { from: ['monitoring', 'findings'], entries: e(data.monitoring?.findings), field: 'activity', target: 'monitoring.activities', ids: ids(data.monitoring?.activities) },
    { from: ['systems'], entries: e(data.systems), field: 'sharing.with', target: 'relatedCompanies', ids: related },
  ];
}

function get(entry: Entry, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Entry | undefined)?.[k], entry);
}

export const rule: Rule = {
  id: 'references/resolve',
  basis: '施行規則第33条の16',
  severity: 'error',
  check({ data, report, attachment }) {
    for (const ref of references(data)) {
      ref.entries.forEach((entry, i) => {
        const value = get(entry, ref.field);
        const targets = Array.isArray(value) ? value.map((v, j) => [v, j] as const) : value === undefined ? [] : [[value, undefined] as const];
        for (const [id, j] of targets) {
          if (typeof id === 'string' && !ref.ids.has(id)) {
            report({ pointer: toPointer([...ref.from, i, ...ref.field.split('.'), ...(j === undefined ? [] : [j])]), message: 'unresolved', args: { id, target: ref.target } });
          }
        }
      });
    }
    list(data.attachments).forEach((entry, i) => {
      const pointer = toPointer(['attachments', i, 'file']);
      const found = attachment(entry.file);
      if (found === 'outside') report({ pointer, message: 'escapes', args: { file: entry.file } });
      else if (found === 'missing') report({ pointer, message: 'missingFile', args: { file: entry.file } });
    });
  },
};
