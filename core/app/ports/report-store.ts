// The report store port: reports, their submission receipts and their audit trail. The DynamoDB adapter
// implements it (core/adapters/dynamodb/report-repository.ts); an in-memory fake serves the use cases' unit tests.
import type { Digest } from '../../domain/digest.ts';
import type { AuditEvent, Report } from '../../domain/report.ts';

/** A stored report with the version its next change must match (optimistic locking). */
export interface StoredReport {
  report: Report;
  version: number;
}

/** What a submitter may learn about their own submission: no personal data. */
export type SubmissionReceipt = Pick<Report, 'id' | 'reference' | 'status' | 'acknowledgeBy' | 'feedbackBy' | 'bodyHash' | 'outOfHoursService'>;

export type CreateResult =
  | { kind: 'created'; receipt: SubmissionReceipt }
  /** The submission id was used before: its receipt, so a retry gets the same answer. */
  | { kind: 'exists'; receipt: SubmissionReceipt }
  /** The submission id belongs to a report whose receipt has expired: the id cannot be used again. */
  | { kind: 'taken' };

/** One report's part of a sweep's write: its change and audit event, conditional on `stored.version`. */
export interface SweepChange {
  stored: StoredReport;
  next: Report;
  audit: AuditEvent;
}

export type SweepSaveResult =
  | { kind: 'saved' }
  /** Another writer changed these reports first: nothing of the write was stored. */
  | { kind: 'lost'; reportIds: string[] }
  /** A digest with this id exists already (a retried sweep of the same time): nothing of the write was stored. */
  | { kind: 'digest-taken'; digestIds: string[] };

/** Most reports one sweep write may carry: each is two items (report, audit) beside its digests, within DynamoDB's 100 per transaction. */
export const MAX_ITEMS_PER_SWEEP_WRITE = 100;

/** Where a team's list continues: the store's own key of the last report read (opaque to the use case). */
export type ListPosition = Record<string, string>;

/** One read of a team's list, in its order: each report with the position just after it. */
export interface TeamPage {
  entries: Array<{ report: Report; after: ListPosition }>;
  /** Null when the team's list has no more reports. */
  next: ListPosition | null;
  /** Read capacity used (0 where that means nothing): for the benchmarks. */
  consumedCapacity: number;
}

export interface ReportStore {
  /** Stores a new report, its first audit event and its receipt at once, keyed by the submission (report) id. */
  create(report: Report, audit: AuditEvent): Promise<CreateResult>;
  /** The report, or null when there is none (or it has expired). */
  get(id: string): Promise<StoredReport | null>;
  /** Stores a change with its audit event if the report is still at `stored.version`; false when another writer won. */
  saveChange(stored: StoredReport, next: Report, audit: AuditEvent): Promise<boolean>;
  /** An audit event on its own (a view); pass the report so the event expires with a closed one. */
  addAudit(event: AuditEvent, report?: Report): Promise<void>;
  auditTrail(id: string): Promise<AuditEvent[]>;
  /** A team's reports of one state ('open' = received or acknowledged), nearest deadline first. */
  listByTeam(teamId: string, state: 'open' | 'closed', limit?: number): Promise<Report[]>;
  /**
   * Stores the reports' changes with their audit events and the digests listing them, all or nothing: "sent once"
   * holds for each digest and each report in it, and of two sweeps at once only one wins each report.
   * At most MAX_ITEMS_PER_SWEEP_WRITE items (two per change, one per digest).
   */
  saveSweep(changes: SweepChange[], digests: Digest[]): Promise<SweepSaveResult>;

  /**
   * Up to `limit` reports of a team's list of one state, what is due first (open) or newest closed first, from
   * `after` (the start when absent). A read, not a filter: the use case filters and pages.
   */
  pageByTeam(teamId: string, state: 'open' | 'closed', options: { limit: number; after?: ListPosition }): Promise<TeamPage>;
  /** Reports whose next action time has passed, with the read capacity used (0 where that means nothing). */
  due(now: Date, limit?: number): Promise<{ reports: StoredReport[]; consumedCapacity: number }>;
}
