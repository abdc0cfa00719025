// The staff API: the team's reports, one report in full, acknowledge, feedback. Every view and change is an
// audit event; another team's report is 403. The portal pages (GET /cases, /cases/{id}) are served here too.
import middy from '@middy/core';
import * as z from 'zod/mini';
import { reportRepository, type ReportRepository, type StoredReport } from '../../core/adapters/dynamodb/report-repository.ts';
import type { Directory } from '../../core/directory/directory.ts';
import { directorySource } from '../../core/directory/source.ts';
import { acknowledge, OUTCOMES, recordFeedback, type Change, type Report } from '../../core/domain/report.ts';
import { badRequest, conflict, fieldErrors, forbidden, HttpError, notFound } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpErrors, pathParameterGuard, readBody, requestLogging } from '../../core/http/middleware.ts';
import { json, type HttpResponse } from '../../core/http/responses.ts';
import { staffIdentity, type StaffIdentity } from '../../core/identity/staff.ts';
import { logger } from '../../core/observability/logger.ts';
import { concernReportForm } from '../../forms/concern-report/index.ts';
import { renderPortalPage } from '../../web/pages/portal-page.ts';

const REPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const feedbackSchema = z.object({
  outcome: z.enum(OUTCOMES, `must be one of: ${OUTCOMES.join(', ')}`),
  note: z._default(z.string().check(z.trim(), z.maxLength(2_000, 'must be at most 2000 characters')), ''),
});

export interface CasesDependencies {
  repository: () => ReportRepository;
  directory: () => Directory | Promise<Directory>;
  now: () => Date;
}

const defaults: CasesDependencies = {
  repository: reportRepository,
  directory: () => directorySource().current(),
  now: () => new Date(),
};

/** What the list shows: enough to triage, no child's name or concern text (those are one click away, audited). */
export function caseSummary(report: Report, now: Date) {
  const nextDeadline = report.status === 'received' ? report.acknowledgeBy : report.status === 'acknowledged' ? report.feedbackBy : null;
  return {
    id: report.id,
    reference: report.reference,
    teamId: report.teamId,
    submittedAt: report.submittedAt,
    urgency: report.urgency,
    schoolName: report.schoolName,
    routedToFallback: report.routedToFallback,
    categories: report.submission.concern.categories,
    status: report.status,
    acknowledgeBy: report.acknowledgeBy,
    feedbackBy: report.feedbackBy,
    acknowledgedAt: report.acknowledgedAt ?? null,
    outcome: report.feedback?.outcome ?? null,
    nextDeadline,
    overdue: nextDeadline !== null && new Date(nextDeadline) <= now,
    escalationCount: report.escalationCount,
  };
}

export function createCasesHandler(deps: CasesDependencies = defaults) {
  async function loadOwned(id: string | undefined, staff: StaffIdentity): Promise<StoredReport> {
    if (!id || !REPORT_ID.test(id)) throw notFound('no such report');
    const stored = await deps.repository().get(id);
    if (!stored) throw notFound('no such report');
    if (!staff.teamIds.includes(stored.report.teamId)) throw forbidden();
    return stored;
  }

  /** Applies a domain change with optimistic locking, re-reading on a concurrent change. */
  async function change(id: string | undefined, staff: StaffIdentity, decide: (report: Report) => Change): Promise<HttpResponse> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await loadOwned(id, staff);
      const result = decide(stored.report);
      if (result.kind === 'refused') throw conflict(result.reason);
      if (result.kind === 'unchanged') return json(200, caseSummary(result.report, deps.now()));
      if (await deps.repository().saveChange(stored, result.report, result.audit)) {
        logger.info('report changed', { reportId: result.report.id, action: result.audit.action });
        return json(200, caseSummary(result.report, deps.now()));
      }
    }
    throw new HttpError(409, 'the report is being changed by someone else; reload and try again');
  }

  return async (event: HttpEvent): Promise<HttpResponse> => {
    const route = event.routeKey;
    if (route === 'GET /cases/{id}' && !REPORT_ID.test(event.pathParameters?.id ?? '')) throw notFound('no such report');
    if (route === 'GET /cases' || route === 'GET /cases/{id}') return renderPortalPage(event);

    const directory = await deps.directory();
    const staff = staffIdentity(event, directory);
    const policy = concernReportForm.deadlines;
    const id = event.pathParameters?.id;

    switch (route) {
      case 'GET /api/cases': {
        const wanted = event.queryStringParameters?.status ?? 'open';
        if (!['open', 'closed'].includes(wanted)) throw badRequest([{ path: 'status', message: 'must be "open" or "closed"' }]);
        const lists = await Promise.all(staff.teamIds.map((teamId) => deps.repository().listByTeam(teamId, wanted as 'open' | 'closed')));
        const now = deps.now();
        const cases = lists.flat().map((r) => caseSummary(r, now));
        if (wanted === 'open') cases.sort((a, b) => (a.nextDeadline ?? '').localeCompare(b.nextDeadline ?? ''));
        return json(200, {
          teams: directory.teams.filter((t) => staff.teamIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name })),
          cases,
        });
      }
      case 'GET /api/cases/{id}': {
        const stored = await loadOwned(id, staff);
        const repository = deps.repository();
        await repository.addAudit({ reportId: stored.report.id, at: deps.now().toISOString(), actor: { kind: 'staff', id: staff.id }, action: 'viewed' }, stored.report);
        const audit = await repository.auditTrail(stored.report.id);
        const { bodyHash: _hash, sentEmails, ...report } = stored.report;
        return json(200, { summary: caseSummary(stored.report, deps.now()), report, emailsSent: sentEmails, audit });
      }
      case 'POST /api/cases/{id}/acknowledge':
        return change(id, staff, (report) => acknowledge(report, staff.id, deps.now(), policy));
      case 'POST /api/cases/{id}/feedback': {
        await loadOwned(id, staff); // another team learns nothing, not even which body would be valid
        const body = readBody(event, { maxBytes: 8 * 1024, accept: ['json'] }).value;
        const parsed = feedbackSchema.safeParse(body);
        if (!parsed.success) throw badRequest(fieldErrors(parsed.error.issues));
        return change(id, staff, (report) => recordFeedback(report, parsed.data, staff.id, deps.now(), policy));
      }
      default:
        throw notFound();
    }
  };
}

export function buildCasesHandler(deps: CasesDependencies = defaults) {
  return middy<HttpEvent, HttpResponse>().use(requestLogging()).use(httpErrors()).use(pathParameterGuard()).handler(createCasesHandler(deps));
}

export const handler = buildCasesHandler();
