// The staff API's answers as the portal reads them: the types come from the use cases that make them
// (type-only imports, erased from the bundle), so the portal and the API cannot drift apart.
import type { viewReport } from '../../../core/app/cases/read-reports.ts';
import type { listCases } from '../../../core/app/cases/list-cases.ts';
import type { teamWorkload } from '../../../core/app/cases/team-workload.ts';
import type { whoAmI } from '../../../core/app/cases/who-am-i.ts';
import type { Outcome, ReportStatus } from '../../../core/domain/report.ts';

export type { CaseSummary } from '../../../core/app/cases/summary.ts';
export type Status = ReportStatus;
export type { Outcome };
export type CaseList = Awaited<ReturnType<typeof listCases>>;
export type CaseDetail = Awaited<ReturnType<typeof viewReport>>;
export type AuditEvent = CaseDetail['audit'][number];
export type TeamView = Awaited<ReturnType<typeof teamWorkload>>;
export type Me = ReturnType<typeof whoAmI>;
