// The report store in memory: the port's rules (idempotent create keyed by the submission id, optimistic
// locking by version, the due index) without an emulator, for the use cases' unit tests.
import type { CreateResult, ListPosition, ReportStore, StoredReport, SubmissionReceipt, SweepChange, SweepSaveResult, TeamPage } from '../../../core/app/ports/report-store.ts';
import { MAX_ITEMS_PER_SWEEP_WRITE } from '../../../core/app/ports/report-store.ts';
import type { Digest } from '../../../core/domain/digest.ts';
import type { AuditEvent, Report } from '../../../core/domain/report.ts';

export class MemoryReportStore implements ReportStore {
  readonly reports = new Map<string, StoredReport>();
  readonly receipts = new Map<string, SubmissionReceipt>();
  readonly audit: AuditEvent[] = [];
  /** The digests the sweeps wrote, by id, in the order written. */
  readonly digests = new Map<string, Digest>();
  /** Items per sweep write, to check the transaction limit. */
  readonly sweepWriteSizes: number[] = [];
  /** Set to make the next saves lose their race, as if another writer had changed the report first. */
  lostRaces = 0;

  async create(report: Report, audit: AuditEvent): Promise<CreateResult> {
    const existing = this.receipts.get(report.id);
    if (existing) return { kind: 'exists', receipt: existing };
    if (this.reports.has(report.id)) return { kind: 'taken' };
    const { id, reference, status, acknowledgeBy, feedbackBy, bodyHash, outOfHoursService } = report;
    const receipt = { id, reference, status, acknowledgeBy, feedbackBy, bodyHash, ...(outOfHoursService ? { outOfHoursService } : {}) };
    this.receipts.set(id, receipt);
    this.reports.set(id, { report: structuredClone(report), version: 1 });
    this.audit.push(audit);
    return { kind: 'created', receipt };
  }

  async get(id: string): Promise<StoredReport | null> {
    const stored = this.reports.get(id);
    return stored ? structuredClone(stored) : null;
  }

  async saveChange(stored: StoredReport, next: Report, audit: AuditEvent): Promise<boolean> {
    const current = this.reports.get(next.id);
    if (this.lostRaces > 0) {
      this.lostRaces--;
      return false;
    }
    if (!current || current.version !== stored.version) return false;
    // The ledger's part of the item is the ledger's: a change of the report never overwrites it.
    this.reports.set(next.id, { report: { ...structuredClone(next), sentEmails: current.report.sentEmails }, version: stored.version + 1 });
    this.audit.push(audit);
    return true;
  }

  async saveSweep(changes: SweepChange[], digests: Digest[]): Promise<SweepSaveResult> {
    const size = 2 * changes.length + digests.length;
    if (size > MAX_ITEMS_PER_SWEEP_WRITE) throw new Error(`a transaction of ${size} items: over DynamoDB's limit`);
    if (this.lostRaces > 0) {
      this.lostRaces--;
      return { kind: 'lost', reportIds: changes.slice(0, 1).map((c) => c.next.id) };
    }
    const lost = changes.filter((c) => this.reports.get(c.next.id)?.version !== c.stored.version).map((c) => c.next.id);
    if (lost.length) return { kind: 'lost', reportIds: lost };
    const taken = digests.filter((d) => this.digests.has(d.id)).map((d) => d.id);
    if (taken.length) return { kind: 'digest-taken', digestIds: taken };
    this.sweepWriteSizes.push(size);
    for (const { stored, next, audit } of changes) {
      const current = this.reports.get(next.id)!;
      this.reports.set(next.id, { report: { ...structuredClone(next), sentEmails: current.report.sentEmails }, version: stored.version + 1 });
      this.audit.push(audit);
    }
    for (const digest of digests) this.digests.set(digest.id, structuredClone(digest));
    return { kind: 'saved' };
  }

  async addAudit(event: AuditEvent): Promise<void> {
    this.audit.push(event);
  }

  async auditTrail(id: string): Promise<AuditEvent[]> {
    return this.audit.filter((event) => event.reportId === id);
  }

  async listByTeam(teamId: string, state: 'open' | 'closed', limit = 500): Promise<Report[]> {
    return [...this.reports.values()]
      .map((stored) => stored.report)
      .filter((report) => report.teamId === teamId && (report.status === 'closed') === (state === 'closed'))
      .slice(0, limit);
  }

  /** The same order as the byTeam index (the next deadline, then the id); the position is the last report's id. */
  async pageByTeam(teamId: string, state: 'open' | 'closed', options: { limit: number; after?: ListPosition }): Promise<TeamPage> {
    const sortKey = (r: Report) => `${r.status === 'closed' ? (r.closedAt ?? r.feedbackBy) : r.status === 'received' ? r.acknowledgeBy : r.feedbackBy}#${r.id}`;
    const all = (await this.listByTeam(teamId, state, Infinity)).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    if (state === 'closed') all.reverse();
    const start = options.after ? all.findIndex((r) => r.id === options.after!.id) + 1 : 0;
    const slice = all.slice(start, start + options.limit);
    return {
      entries: slice.map((report) => ({ report: structuredClone(report), after: { id: report.id } })),
      next: start + options.limit < all.length && slice.length > 0 ? { id: slice.at(-1)!.id } : null,
      consumedCapacity: 0,
    };
  }

  async due(now: Date, limit = 100): Promise<{ reports: StoredReport[]; consumedCapacity: number }> {
    const reports = [...this.reports.values()]
      .filter((stored) => stored.report.nextActionAt !== undefined && stored.report.nextActionAt <= now.toISOString())
      .sort((a, b) => a.report.nextActionAt!.localeCompare(b.report.nextActionAt!))
      .slice(0, limit)
      .map((stored) => structuredClone(stored));
    return { reports, consumedCapacity: 0 };
  }
}
