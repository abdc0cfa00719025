// The report store in memory: the port's rules (idempotent create keyed by the submission id, optimistic
// locking by version, the due index) without an emulator, for the use cases' unit tests.
import type { CreateResult, ListPosition, ReportStore, TeamPage, StoredReport, SubmissionReceipt } from '../../../core/app/ports/report-store.ts';
import type { AuditEvent, Report } from '../../../core/domain/report.ts';

export class MemoryReportStore implements ReportStore {
  readonly reports = new Map<string, StoredReport>();
  readonly receipts = new Map<string, SubmissionReceipt>();
  readonly audit: AuditEvent[] = [];
  /** Set to make the next saves lose their race, as if another writer had changed the report first. */
  lostRaces = 0;

  async create(report: Report, audit: AuditEvent): Promise<CreateResult> {
    const existing = this.receipts.get(report.id);
    if (existing) return { kind: 'exists', receipt: existing };
    if (this.reports.has(report.id)) return { kind: 'taken' };
    const { id, reference, status, acknowledgeBy, feedbackBy, bodyHash } = report;
    const receipt = { id, reference, status, acknowledgeBy, feedbackBy, bodyHash };
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
