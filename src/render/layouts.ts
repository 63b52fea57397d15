// How each fact section is laid out in the attached document. One layout per section of the data
// model, shared by every profile (a profile only decides under which numbered item a section
// appears). Labels come from the schema's titles; values are formatted by their schema type.

/** A column of a table, or a row of a label/value block: a path inside the entry. */
export interface Field {
  path: string;
  /** Relative width in a table ('*' stretches). */
  width?: number | '*';
  /** The value is a reference (or list of references) to entries of this list; show their `show` field. */
  ref?: { list: string; show: string };
  /** Computed value instead of a path (e.g. the completion rate of a training). */
  derived?: 'completionRate' | 'correctionText' | 'findingText';
  /** Further paths shown on their own lines in the same cell (their titles join the header with ／). */
  lines?: string[];
}

export type Block =
  /** Narrative text (line breaks kept). */
  | { kind: 'text'; path: string }
  /** A list of entries as a table with a repeated header row. */
  | { kind: 'table'; path: string; columns: Field[]; fontSize?: number }
  /** A list of entries, each as its own label/value block headed by `heading`. */
  | { kind: 'records'; path: string; heading: string[]; fields: Field[] }
  /** One object as a label/value block. */
  | { kind: 'fields'; path: string; fields: Field[] }
  /** A list of corrective actions: 該当なし when empty. */
  | { kind: 'corrections'; path: string; findings: string };

export const SECTION_LAYOUTS: Record<string, Block[]> = {
  premises: [
    { kind: 'text', path: '/premises/overview' },
    {
      kind: 'table',
      path: '/premises/sites',
      columns: [
        { path: 'name', width: 90 },
        { path: 'address', width: 120 },
        { path: 'sharedWithRelatedCompany', width: 60 },
        { path: 'description', width: '*' },
      ],
    },
    {
      kind: 'table',
      path: '/premises/rooms',
      columns: [
        { path: 'site', width: 52, ref: { list: '/premises/sites', show: 'name' } },
        { path: 'floor', width: 26 },
        { path: 'name', width: 66 },
        { path: 'use', width: 60 },
        { path: 'separation', width: 68 },
        { path: 'entryControl', width: '*' },
        { path: 'floorPlan', width: 50, ref: { list: '/attachments', show: 'title' } },
      ],
      fontSize: 8.5,
    },
    {
      kind: 'table',
      path: '/premises/commonAreas',
      columns: [
        { path: 'site', width: 70, ref: { list: '/premises/sites', show: 'name' } },
        { path: 'name', width: 120 },
        { path: 'control', width: '*' },
      ],
    },
  ],
  systems: [
    {
      kind: 'records',
      path: '/systems',
      heading: ['id', 'name'],
      fields: [
        { path: 'purpose' },
        { path: 'informationCategories' },
        { path: 'holdsNonPublic' },
        { path: 'sharing.level' },
        { path: 'sharing.with', ref: { list: '/relatedCompanies', show: 'name' } },
        { path: 'sharing.description' },
        { path: 'sharing.separationPlan.targetDate' },
        { path: 'sharing.separationPlan.description' },
        { path: 'sharing.separationPlan.milestones' },
        { path: 'sharing.interimMeasures' },
        { path: 'access.authorisedPersons' },
        { path: 'access.idType' },
        { path: 'access.idRegister' },
        { path: 'access.authentication' },
        { path: 'access.users' },
        { path: 'accessLog.recorded' },
        { path: 'accessLog.retentionYears' },
        { path: 'accessLog.reviewFrequency' },
        { path: 'accessLog.reviewMethod' },
        { path: 'host' },
        { path: 'introduced' },
        { path: 'notes' },
      ],
    },
  ],
  disasterResponses: [
    {
      kind: 'records',
      path: '/disasterResponses',
      heading: ['event'],
      fields: [
        { path: 'response' },
        { path: 'systems', ref: { list: '/systems', show: 'name' } },
        { path: 'helpers' },
        { path: 'accessGranted' },
        { path: 'accessRevoked' },
        { path: 'terminalsCollected' },
        { path: 'idType' },
        { path: 'passwordsReset' },
        { path: 'randomPasswords' },
        { path: 'disposal' },
        { path: 'notes' },
      ],
    },
  ],
  logReviews: [
    {
      kind: 'table',
      path: '/logReviews',
      columns: [
        { path: 'system', width: 70, ref: { list: '/systems', show: 'name' } },
        { path: 'period', width: 64 },
        { path: 'reviewed', width: 56 },
        { path: 'reviewer', width: 44 },
        { path: 'unauthorisedAccess', width: 36 },
        { path: 'details', width: '*' },
        { path: 'followUp', width: '*' },
      ],
      fontSize: 8.5,
    },
  ],
  rules: [
    {
      kind: 'table',
      path: '/rules',
      columns: [
        { path: 'number', width: 56 },
        { path: 'title', width: 80 },
        { path: 'established', width: 56 },
        { path: 'revised', width: 56 },
        { path: 'scope', width: 52 },
        { path: 'summary', width: '*' },
      ],
      fontSize: 8.5,
    },
  ],
  organisation: [
    { kind: 'text', path: '/organisation/overview' },
    {
      kind: 'fields',
      path: '/organisation',
      fields: [
        { path: 'informationManager' },
        { path: 'complianceOfficer' },
        { path: 'wheelingDepartment' },
        { path: 'renewablesDepartment' },
        { path: 'monitoringDepartment' },
      ],
    },
    {
      kind: 'table',
      path: '/organisation/managementBodies',
      columns: [
        { path: 'name', width: 90 },
        { path: 'kind', width: 50 },
        { path: 'chair', width: 80 },
        { path: 'established', width: 58 },
        { path: 'role', width: '*' },
      ],
      fontSize: 8.5,
    },
    {
      kind: 'fields',
      path: '/organisation/earlyDetection',
      fields: [{ path: 'description' }, { path: 'reportsReceived' }, { path: 'investigation' }],
    },
    {
      kind: 'table',
      path: '/organisation/earlyDetection/channels',
      columns: [
        { path: 'name', width: '*' },
        { path: 'kind', width: 90 },
        { path: 'anonymous', width: 50 },
        { path: 'contact', width: '*' },
      ],
    },
  ],
  managementMeasures: [
    {
      kind: 'table',
      path: '/managementMeasures',
      columns: [
        { path: 'body', width: 80, ref: { list: '/organisation/managementBodies', show: 'name' } },
        { path: 'kind', width: 56 },
        { path: 'title', width: 100 },
        { path: 'dates', width: 62 },
        { path: 'summary', width: '*' },
      ],
      fontSize: 8.5,
    },
  ],
  trainings: [
    {
      kind: 'table',
      path: '/trainings',
      columns: [
        { path: 'title', width: 66 },
        { path: 'dates', width: 56 },
        { path: 'audience', width: 48 },
        { path: 'format', width: 38 },
        { path: 'participants', width: 50, derived: 'completionRate' },
        { path: 'content', width: '*' },
        { path: 'rules', width: 58, ref: { list: '/rules', show: 'title' } },
      ],
      fontSize: 8.5,
    },
  ],
  informationManagement: [
    {
      kind: 'table',
      path: '/informationManagement',
      columns: [
        { path: 'kind', width: 50 },
        { path: 'title', width: 80 },
        { path: 'dates', width: 62 },
        { path: 'summary', width: '*' },
        { path: 'result', width: '*' },
        { path: 'rules', width: 64, ref: { list: '/rules', show: 'title' } },
      ],
      fontSize: 8.5,
    },
  ],
  transactions: [
    { kind: 'text', path: '/transactions/overview' },
    { kind: 'fields', path: '/transactions', fields: [{ path: 'minorExclusion' }, { path: 'retentionYears' }] },
    {
      kind: 'table',
      path: '/transactions/records',
      // Thousands of rows: two facts per cell keeps the table short and fast to lay out.
      columns: [
        { path: 'date', width: 62 },
        { path: 'counterparty.name', width: 110, lines: ['counterparty.kind'] },
        { path: 'subject', width: '*', lines: ['summary'] },
        { path: 'outcome', width: 56 },
      ],
      fontSize: 8,
    },
  ],
  compliance: [
    { kind: 'text', path: '/compliance/overview' },
    {
      kind: 'table',
      path: '/compliance/rulesAndPlans',
      columns: [
        { path: 'kind', width: 36 },
        { path: 'title', width: 110 },
        { path: 'date', width: 62 },
        { path: 'summary', width: '*' },
      ],
    },
    {
      kind: 'table',
      path: '/compliance/activities',
      columns: [
        { path: 'title', width: 100 },
        { path: 'period', width: 72 },
        { path: 'scope', width: 90 },
        { path: 'method', width: '*' },
      ],
      fontSize: 8.5,
    },
    {
      kind: 'table',
      path: '/compliance/findings',
      columns: [
        { path: 'id', width: 40 },
        { path: 'activity', width: 90, ref: { list: '/compliance/activities', show: 'title' } },
        { path: 'summary', width: '*' },
        { path: 'verdict', width: 50 },
      ],
    },
  ],
  complianceCorrections: [{ kind: 'corrections', path: '/complianceCorrections', findings: '/compliance/findings' }],
  monitoring: [
    { kind: 'text', path: '/monitoring/overview' },
    {
      kind: 'table',
      path: '/monitoring/activities',
      columns: [
        { path: 'kind', width: 70 },
        { path: 'title', width: 90 },
        { path: 'period', width: 72 },
        { path: 'scope', width: 80 },
        { path: 'method', width: '*' },
      ],
      fontSize: 8.5,
    },
    {
      kind: 'table',
      path: '/monitoring/findings',
      columns: [
        { path: 'id', width: 40 },
        { path: 'activity', width: 90, ref: { list: '/monitoring/activities', show: 'title' } },
        { path: 'summary', width: '*' },
        { path: 'verdict', width: 50 },
      ],
    },
    {
      kind: 'table',
      path: '/monitoring/boardReports',
      columns: [
        { path: 'date', width: 62 },
        { path: 'body', width: 70 },
        { path: 'summary', width: '*' },
      ],
    },
  ],
  informationCorrections: [{ kind: 'corrections', path: '/informationCorrections', findings: '/monitoring/findings' }],
  transactionCorrections: [{ kind: 'corrections', path: '/transactionCorrections', findings: '/monitoring/findings' }],
  otherMeasures: [
    {
      kind: 'table',
      path: '/otherMeasures',
      columns: [
        { path: 'title', width: 120 },
        { path: 'dates', width: 70 },
        { path: 'summary', width: '*' },
      ],
    },
  ],
};
