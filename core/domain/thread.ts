// The reporter's thread: the team asks, the reporter answers or adds what they learn later, on the status page.
// DESIGN.md, "The reporter's thread" and "Privacy rules": the team may ask only a trusted reporter (a school
// domain, or verified by a team member: see reporter-trust.ts), and "a closed report takes no more messages
// from the reporter: the status page says to make a new report". Emails about the thread are notices with the
// link, never the text (notices.ts says which are owed).
import { refused, type Change, type StaffActor } from './change.ts';
import type { Report } from './report.ts';

export interface ThreadEntry {
  from: 'team' | 'reporter';
  text: string;
  at: string;
  /** The staff member who asked; only on the team's entries, and never shown to the reporter. */
  by?: string;
}

/** Item size stays well inside DynamoDB's 400 KB. */
export const MAX_THREAD_ENTRIES = 60;
export const MAX_THREAD_TEXT_LENGTH = 5_000;

function checkText(text: string): Change | string {
  const body = text.trim();
  if (!body) return refused('invalid', 'write the message', 'text');
  if (body.length > MAX_THREAD_TEXT_LENGTH) return refused('invalid', `must be at most ${MAX_THREAD_TEXT_LENGTH} characters`, 'text');
  return body;
}

function roomLeft(report: Report): Change | null {
  return (report.thread?.length ?? 0) >= MAX_THREAD_ENTRIES
    ? refused('conflict', `the thread already has ${MAX_THREAD_ENTRIES} messages; continue by phone`)
    : null;
}

/**
 * The team asks the reporter a question. `reporterTrusted` is the caller's decision from reporterTrust(): an
 * untrusted address must not get the status link, so it cannot be asked either.
 */
export function askReporter(report: Report, text: string, by: StaffActor, now: Date, trust: { reporterTrusted: boolean }): Change {
  if (!trust.reporterTrusted) {
    return refused('conflict', "the reporter is not verified: call the school's switchboard, mark the reporter as verified, then ask");
  }
  if (report.status === 'closed') return refused('conflict', 'the report is closed; questions are asked before feedback');
  const body = checkText(text);
  if (typeof body !== 'string') return body;
  const full = roomLeft(report);
  if (full) return full;
  const at = now.toISOString();
  const thread = [...(report.thread ?? []), { from: 'team' as const, text: body, at, by: by.email }];
  return {
    kind: 'changed',
    report: { ...report, thread },
    audit: { reportId: report.id, at, actor: { kind: 'staff', id: by.email }, action: 'question-asked', detail: { entry: thread.length } },
  };
}

/** The reporter answers a question or adds what they learned later. The status link proves who they are. */
export function reporterWrites(report: Report, text: string, now: Date): Change {
  if (report.status === 'closed') return refused('conflict', 'this report is closed; to tell social services more, make a new report');
  const body = checkText(text);
  if (typeof body !== 'string') return body;
  const full = roomLeft(report);
  if (full) return full;
  const at = now.toISOString();
  const thread = [...(report.thread ?? []), { from: 'reporter' as const, text: body, at }];
  return {
    kind: 'changed',
    report: { ...report, thread },
    audit: { reportId: report.id, at, actor: { kind: 'reporter' }, action: 'reporter-wrote', detail: { entry: thread.length } },
  };
}

/** The thread as the reporter sees it: who wrote (team or reporter), what and when; never a staff member's name. */
export function threadForReporter(report: Pick<Report, 'thread'>): Array<{ from: 'team' | 'reporter'; text: string; at: string }> {
  return (report.thread ?? []).map(({ from, text, at }) => ({ from, text, at }));
}
