// The report repository: reports and their audit trail in the one table. Thin: the domain decides, this stores.
// The port's implementation, a facade over its parts by concern: the items (report-items.ts), the reads and the
// team's list (report-reads.ts), one report's writes (report-writes.ts) and the sweep's write (report-sweep-writes.ts),
// all over one context (report-context.ts).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, Report } from '../../domain/report.ts';
import type { Digest } from '../../domain/digest.ts';
import { runtimeConfig } from '../../config/runtime.ts';
import { systemClock } from '../../app/ports/clock.ts';
import type { CreateResult, ListPosition, ReportStore, StoredReport, SubmissionReceipt, SweepChange, SweepSaveResult, TeamPage } from '../../app/ports/report-store.ts';
import { documentClient } from './client.ts';
import type { ReportContext } from './report-context.ts';
import { auditTrail, dueReports, getReport, listByTeam, pageByTeam } from './report-reads.ts';
import { addAudit, createReport, saveChange } from './report-writes.ts';
import { saveSweep } from './report-sweep-writes.ts';

export { fromItem, newReportItem, newReportTransaction, toItem } from './report-items.ts';
export type { CreateResult, StoredReport, SubmissionReceipt };

export interface RepositoryOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  retentionDays: number;
  /** Clock for filtering expired items (DynamoDB deletes them lazily, DynamoDB Local never does); the system clock by default. */
  now?: () => Date;
}

export class ReportRepository implements ReportStore {
  readonly #db: ReportContext;

  constructor(options: RepositoryOptions) {
    this.#db = {
      client: options.client,
      table: options.tableName,
      retentionDays: options.retentionDays,
      now: options.now ?? (() => systemClock.now()),
    };
  }

  create(report: Report, audit: AuditEvent): Promise<CreateResult> {
    return createReport(this.#db, report, audit);
  }

  get(id: string): Promise<StoredReport | null> {
    return getReport(this.#db, id);
  }

  saveChange(stored: StoredReport, next: Report, audit: AuditEvent): Promise<boolean> {
    return saveChange(this.#db, stored, next, audit);
  }

  saveSweep(changes: SweepChange[], digests: Digest[]): Promise<SweepSaveResult> {
    return saveSweep(this.#db, changes, digests);
  }

  addAudit(event: AuditEvent, report?: Report): Promise<void> {
    return addAudit(this.#db, event, report);
  }

  auditTrail(id: string): Promise<AuditEvent[]> {
    return auditTrail(this.#db, id);
  }

  listByTeam(teamId: string, state: 'open' | 'closed', limit?: number): Promise<Report[]> {
    return listByTeam(this.#db, teamId, state, limit);
  }

  pageByTeam(teamId: string, state: 'open' | 'closed', options: { limit: number; after?: ListPosition }): Promise<TeamPage> {
    return pageByTeam(this.#db, teamId, state, options);
  }

  due(now: Date, limit?: number): Promise<{ reports: StoredReport[]; consumedCapacity: number }> {
    return dueReports(this.#db, now, limit);
  }
}

let defaultRepository: ReportRepository | undefined;

/** The repository every function uses in Lambda and local mode: the table and retention from the environment. */
export function reportRepository(): ReportRepository {
  if (!defaultRepository) {
    const config = runtimeConfig();
    defaultRepository = new ReportRepository({ client: documentClient(), tableName: config.TABLE_NAME, retentionDays: config.RETENTION_DAYS });
  }
  return defaultRepository;
}
