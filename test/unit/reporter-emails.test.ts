// Which emails the reporter's side owes (core/domain/reporter-emails.ts through decide()), what they say
// (core/email/reporter-notices.ts), and the status-link keyring (core/config/status-keyring.ts).
import { describe, expect, it } from 'vitest';
import { parseStatusKeyring } from '../../core/config/status-keyring.ts';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { decide } from '../../core/domain/notifications.ts';
import { recordFeedback, type Report } from '../../core/domain/report.ts';
import { signStatusToken, verifyStatusToken } from '../../core/domain/status-token.ts';
import { askReporter, reporterWrites } from '../../core/domain/thread.ts';
import { verifyReporter } from '../../core/domain/team-work.ts';
import { questionEmail, receiptWithoutLinkEmail, reporterMessageEmail, statusLinkEmail } from '../../core/email/reporter-notices.ts';
import { emailFacts } from '../../core/email/templates.ts';
import { concernReportDeadlines as policy } from '../../forms/concern-report/policy.ts';
import { sampleDirectory } from '../support/fakes/index.ts';
import { newReport } from '../support/reports.ts';

const now = atLocalTime('2026-11-25', '10:00');
const sara = { email: 'sara.lindqvist@ekdala.example', isLead: false };
const report = (email: string, body: Record<string, unknown> = {}) => newReport({ at: now, body: { reporter: { email }, ...body } });
const planned = (previous: Report | undefined, next: Report) =>
  decide(previous ? { eventName: 'MODIFY', oldReport: previous, newReport: next } : { eventName: 'INSERT', newReport: next }, sampleDirectory, policy).emails.map(
    (e) => `${e.kind} ${e.key} → ${e.to}`,
  );
const changed = (change: ReturnType<typeof verifyReporter>): Report => {
  if (change.kind !== 'changed') throw new Error(`expected a change, got ${change.kind}`);
  return change.report;
};
const closed = (r: Report) => changed(recordFeedback(r, { outcome: 'investigation-opened', note: 'NOTE' }, sara.email, now, policy));

describe("the reporter's side: which emails", () => {
  it('an exact school domain gets the receipt with the link; a subdomain, a pupil domain or another address the receipt without', () => {
    expect(planned(undefined, report('a@skola.ekdala.example'))).toContain('receipt receipt → a@skola.ekdala.example');
    expect(planned(undefined, report('a@fyrudden.example', { schoolId: 'fyrudden' }))).toContain('receipt receipt → a@fyrudden.example');
    for (const email of ['a@example.se', 'a@x.skola.ekdala.example', 'a@elev.ekdala.example', 'a@fyrudden.example']) {
      expect(planned(undefined, report(email))).toContain(`receipt-without-link receipt → ${email}`);
    }
  });

  it('verified by phone: the status link once; a school-domain reporter already has it', () => {
    const untrusted = report('a@example.se');
    const verified = changed(verifyReporter(untrusted, sara, now));
    expect(planned(untrusted, verified)).toEqual(['status-link status-link → a@example.se']);
    const trusted = report('a@ekdala.example');
    expect(planned(trusted, changed(verifyReporter(trusted, sara, now)))).toEqual([]);
  });

  it('the outcome notice only to a trusted reporter (domain, or verified before or with the closing)', () => {
    const untrusted = report('a@example.se');
    expect(planned(untrusted, closed(untrusted)).filter((e) => e.startsWith('outcome'))).toEqual([]);
    const verified = changed(verifyReporter(untrusted, sara, now));
    expect(planned(verified, closed(verified))).toContain('outcome outcome → a@example.se');
    const trusted = report('a@ekdala.example');
    expect(planned(trusted, closed(trusted))).toContain('outcome outcome → a@ekdala.example');
  });

  it('thread notices: a question to the reporter, a message to the assignee else the team; each entry once', () => {
    const start = report('a@ekdala.example');
    const asked = changed(askReporter(start, 'Q?', sara, now, { reporterTrusted: true }));
    expect(planned(start, asked)).toEqual(['question question#1 → a@ekdala.example']);
    const answered = changed(reporterWrites(asked, 'A.', now));
    expect(planned(asked, answered)).toEqual([
      'reporter-message reporter-message#2:sara.lindqvist@ekdala.example → sara.lindqvist@ekdala.example',
      'reporter-message reporter-message#2:johan.ek@ekdala.example → johan.ek@ekdala.example',
    ]);
    const assigned: Report = { ...asked, assignee: { email: 'Johan.Ek@ekdala.example', at: now.toISOString(), by: sara.email } };
    const toAssignee = planned(assigned, changed(reporterWrites(assigned, 'A.', now)));
    expect(toAssignee).toEqual(['reporter-message reporter-message#2:johan.ek@ekdala.example → johan.ek@ekdala.example']);
    // The same state written again (another field changed): nothing new.
    expect(planned(answered, { ...answered, escalationCount: 0 })).toEqual([]);
  });
});

describe("the reporter's side: what the emails say", () => {
  const secret = 'Har eleven syskon? SECRET-TEXT';
  const base = changed(askReporter(report('a@ekdala.example'), secret, sara, now, { reporterTrusted: true }));
  const facts = emailFacts(base, 'Mottagningsgruppen Norr');
  const links = { publicUrl: 'https://intake.example/', statusToken: 'k1.abc.def' };

  it('the untrusted receipt: that it arrived and the out-of-hours number, no link', () => {
    const email = receiptWithoutLinkEmail(facts, sampleDirectory.outOfHours.phone);
    expect(email.text).toContain(sampleDirectory.outOfHours.phone);
    expect(email.text).toContain(base.reference);
    expect(`${email.text}${email.html}`).not.toMatch(/\/status\/|\/cases\/|href=/);
  });

  it('every notice carries its link and never the thread text, the child or the reporter', () => {
    const emails = [statusLinkEmail(facts, links), questionEmail(facts, links), reporterMessageEmail(facts, links)];
    expect(emails[0]!.text).toContain('https://intake.example/status/k1.abc.def');
    expect(emails[1]!.text).toContain('https://intake.example/status/k1.abc.def');
    expect(emails[2]!.text).toContain(`https://intake.example/cases/${base.id}`);
    for (const email of emails) {
      const all = `${email.subject}${email.text}${email.html}`;
      for (const value of ['SECRET-TEXT', 'Elias', 'Berg', 'Anna Lind', 'a@ekdala.example']) expect(all).not.toContain(value);
    }
  });
});

describe('the status-link keyring', () => {
  const old = 'the-first-slice-plain-secret-0123456789';
  it("a plain secret: new links get key id k1, links made before key ids keep working", () => {
    const ring = parseStatusKeyring(old);
    const id = '0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f';
    expect(signStatusToken(id, ring.current)).toMatch(/^k1\./);
    expect(verifyStatusToken(signStatusToken(id, old), ring)).toBe(id);
  });

  it('rotated: the new key signs, the old key and the legacy secret still verify; a dropped key does not', () => {
    const id = '0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f';
    const k1Link = signStatusToken(id, parseStatusKeyring(old).current);
    const rotated = parseStatusKeyring(JSON.stringify({ current: { kid: 'k2', secret: 'n'.repeat(40) }, previous: [{ kid: 'k1', secret: old }], legacy: old }));
    expect(signStatusToken(id, rotated.current)).toMatch(/^k2\./);
    expect(verifyStatusToken(k1Link, rotated)).toBe(id);
    expect(verifyStatusToken(signStatusToken(id, old), rotated)).toBe(id);
    const dropped = parseStatusKeyring(JSON.stringify({ current: { kid: 'k2', secret: 'n'.repeat(40) } }));
    expect(verifyStatusToken(k1Link, dropped)).toBeNull();
  });

  it('an invalid keyring names the path, never the secret', () => {
    expect(() => parseStatusKeyring('{"current": {"kid": "k 2", "secret": "short-secret"}}')).toThrow(/current\.kid, current\.secret/);
    expect(() => parseStatusKeyring('{"current": {"kid": "k 2", "secret": "short-secret"}}')).not.toThrow(/short-secret/);
    expect(() => parseStatusKeyring('{not json')).toThrow(/not valid JSON/);
  });
});
