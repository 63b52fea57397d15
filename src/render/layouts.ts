// How each fact section is laid out in the attached document. One layout per section of the data
// model, shared by every profile (a profile only decides under which numbered item a section
// appears). Labels come from the schema's titles; values are formatted by their schema type.

/** A column of a table, or a row of a label/value block: a path inside the entry. */
export interface Field {
  path: string;
  /** How the column is set (default: numbers flush right, the rest justified). */
  align?: 'left' | 'right' | 'center';
  /**
   * The value is a reference (or list of references) to entries of this list; show their `show`
   * field, or, with `numbered`, the entry's number in the list worded by that template (別添3).
   */
  ref?: { list: string; show: string; numbered?: string };
  /** Computed value instead of a path (e.g. the completion rate of a training). */
  derived?: 'completionRate' | 'correctionText' | 'findingText';
  /** Further paths shown on their own lines in the same cell (their titles join the header with ／). */
  lines?: string[];
  /** In a matrix: a long text goes under the table as a numbered note (one note per distinct text). */
  note?: boolean;
}

/** One row per entry, long texts as notes; what the matrix cannot hold as a detail per entry. */
export interface MatrixBlock {
  kind: 'matrix';
  path: string;
  columns: Field[];
  fontSize?: number;
  detail?: { heading: string[]; fields: Field[] };
}

/** A table under one row per group (`by`, the first column, is not repeated in the rows). */
export interface GroupedBlock {
  kind: 'grouped';
  path: string;
  by: Field;
  columns: Field[];
  fontSize?: number;
}

/**
 * Many records summarised, as an item that asks for a 概要 wants: counts by each field of `counts`
 * (with how many of them are `within`, e.g. with the related company), the records marked `notable`
 * one by one, and every record in an annex (別添) at the end unless the configuration leaves it out.
 */
export interface SummaryBlock {
  kind: 'summary';
  path: string;
  /** A yes/no field of the record counted beside each count (うち特定関係事業者). */
  within?: string;
  /** Fields counted by; `quarter` counts a date by the fiscal year's quarters; `top` caps a free text's rows. */
  counts: { by: string; period?: 'quarter'; top?: number }[];
  /** The yes/no field that marks a record to be printed one by one. */
  notable: string;
  /** The columns of the notable records and of the annex (which adds the record's id first). */
  columns: Field[];
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
  | { kind: 'corrections'; path: string; findings: string }
  | MatrixBlock
  | GroupedBlock
  | SummaryBlock;

export const SECTION_LAYOUTS: Record<string, Block[]> = {
  premises: [
    { kind: 'text', path: '/premises/overview' },
    {
      kind: 'table',
      path: '/premises/sites',
      columns: [{ path: 'name' }, { path: 'address' }, { path: 'sharedWithRelatedCompany' }, { path: 'description' }],
    },
    {
      kind: 'grouped',
      path: '/premises/rooms',
      by: { path: 'site', ref: { list: '/premises/sites', show: 'name' } },
      columns: [
        { path: 'floor' },
        { path: 'name' },
        { path: 'use' },
        { path: 'separation' },
        { path: 'entryControl' },
        { path: 'floorPlan', ref: { list: '/attachments', show: 'title', numbered: 'attachment-number' } },
      ],
      fontSize: 8.5,
    },
    {
      kind: 'table',
      path: '/premises/commonAreas',
      columns: [{ path: 'site', ref: { list: '/premises/sites', show: 'name' } }, { path: 'name' }, { path: 'control' }],
    },
  ],
  systems: [
    {
      kind: 'matrix',
      path: '/systems',
      columns: [
        { path: 'id' },
        { path: 'name' },
        { path: 'informationCategories' },
        { path: 'sharing.level', lines: ['sharing.separationPlan.targetDate'] },
        { path: 'access.idType' },
        { path: 'access.authentication' },
        { path: 'accessLog.retentionYears' },
        { path: 'accessLog.reviewFrequency' },
      ],
      fontSize: 8,
      detail: {
        heading: ['id', 'name'],
        fields: [
          { path: 'purpose' },
          { path: 'holdsNonPublic' },
          { path: 'sharing.with', ref: { list: '/relatedCompanies', show: 'name' } },
          { path: 'sharing.description' },
          { path: 'sharing.separationPlan.description' },
          { path: 'sharing.separationPlan.milestones' },
          { path: 'sharing.separationPlan.revisions' },
          { path: 'sharing.ended' },
          { path: 'sharing.interimMeasures' },
          { path: 'access.authorisedPersons' },
          { path: 'access.idRegister' },
          { path: 'access.users' },
          { path: 'accessLog.recorded' },
          { path: 'accessLog.reviewMethod' },
          { path: 'host' },
          { path: 'introduced' },
          { path: 'notes' },
        ],
      },
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
      kind: 'matrix',
      path: '/logReviews',
      columns: [
        { path: 'system', ref: { list: '/systems', show: 'name' } },
        { path: 'period' },
        { path: 'reviewed' },
        { path: 'reviewer' },
        { path: 'unauthorisedAccess' },
        { path: 'method', note: true },
        { path: 'details', note: true },
        { path: 'followUp', note: true },
      ],
      fontSize: 8,
    },
  ],
  rules: [
    {
      kind: 'table',
      path: '/rules',
      columns: [
        { path: 'number' },
        { path: 'title' },
        { path: 'established' },
        { path: 'revised' },
        { path: 'scope' },
        { path: 'summary' },
        { path: 'attachment', ref: { list: '/attachments', show: 'title', numbered: 'attachment-number' } },
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
      columns: [{ path: 'name' }, { path: 'kind' }, { path: 'chair' }, { path: 'established' }, { path: 'role' }],
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
      columns: [{ path: 'name' }, { path: 'kind' }, { path: 'anonymous' }, { path: 'contact' }],
    },
  ],
  managementMeasures: [
    {
      kind: 'table',
      path: '/managementMeasures',
      columns: [
        { path: 'body', ref: { list: '/organisation/managementBodies', show: 'name' } },
        { path: 'kind' },
        { path: 'title' },
        { path: 'dates' },
        { path: 'summary' },
      ],
      fontSize: 8.5,
    },
  ],
  trainings: [
    {
      kind: 'table',
      path: '/trainings',
      columns: [
        { path: 'title' },
        { path: 'dates' },
        { path: 'audience' },
        { path: 'format' },
        { path: 'participants', derived: 'completionRate' },
        { path: 'content' },
        { path: 'rules', ref: { list: '/rules', show: 'title' } },
      ],
      fontSize: 8.5,
    },
  ],
  informationManagement: [
    {
      kind: 'table',
      path: '/informationManagement',
      columns: [
        { path: 'kind' },
        { path: 'title' },
        { path: 'dates' },
        { path: 'summary' },
        { path: 'result' },
        { path: 'rules', ref: { list: '/rules', show: 'title' } },
      ],
      fontSize: 8.5,
    },
  ],
  transactions: [
    { kind: 'text', path: '/transactions/overview' },
    { kind: 'fields', path: '/transactions', fields: [{ path: 'minorExclusion' }, { path: 'retentionYears' }] },
    {
      // item 九 asks for a 概要 of the records, not every one: counts, the notable cases, the annex
      kind: 'summary',
      path: '/transactions/records',
      within: 'counterparty.related',
      counts: [{ by: 'counterparty.kind' }, { by: 'channel' }, { by: 'date', period: 'quarter' }, { by: 'subject', top: 12 }],
      notable: 'notable',
      // Thousands of rows in the annex: two facts per cell keeps it short and fast to lay out.
      columns: [
        { path: 'date' },
        { path: 'counterparty.name', lines: ['counterparty.kind'] },
        { path: 'subject', lines: ['summary'] },
        { path: 'outcome' },
      ],
    },
  ],
  compliance: [
    { kind: 'text', path: '/compliance/overview' },
    {
      kind: 'table',
      path: '/compliance/rulesAndPlans',
      columns: [{ path: 'kind' }, { path: 'title' }, { path: 'date' }, { path: 'summary' }],
    },
    {
      kind: 'table',
      path: '/compliance/activities',
      columns: [{ path: 'title' }, { path: 'period' }, { path: 'scope' }, { path: 'method' }],
      fontSize: 8.5,
    },
    {
      kind: 'table',
      path: '/compliance/findings',
      columns: [
        { path: 'id' },
        { path: 'activity', ref: { list: '/compliance/activities', show: 'title' } },
        { path: 'summary' },
        { path: 'verdict' },
      ],
    },
  ],
  complianceCorrections: [{ kind: 'corrections', path: '/complianceCorrections', findings: '/compliance/findings' }],
  monitoring: [
    { kind: 'text', path: '/monitoring/overview' },
    {
      kind: 'table',
      path: '/monitoring/activities',
      columns: [{ path: 'kind' }, { path: 'title' }, { path: 'period' }, { path: 'scope' }, { path: 'method' }],
      fontSize: 8.5,
    },
    {
      kind: 'table',
      path: '/monitoring/findings',
      columns: [
        { path: 'id' },
        { path: 'activity', ref: { list: '/monitoring/activities', show: 'title' } },
        { path: 'summary' },
        { path: 'verdict' },
      ],
    },
    {
      kind: 'table',
      path: '/monitoring/boardReports',
      columns: [{ path: 'date' }, { path: 'body' }, { path: 'summary' }],
    },
  ],
  informationCorrections: [{ kind: 'corrections', path: '/informationCorrections', findings: '/monitoring/findings' }],
  transactionCorrections: [{ kind: 'corrections', path: '/transactionCorrections', findings: '/monitoring/findings' }],
  otherMeasures: [
    {
      kind: 'table',
      path: '/otherMeasures',
      columns: [{ path: 'title' }, { path: 'dates' }, { path: 'summary' }],
    },
  ],
};
