// Consultations over the in-memory ports: the personal-number refusal (property tests: every written form of a
// personnummer or samordningsnummer, anywhere in any text), the signed link's own purpose, the use cases (ask,
// the team's list and answer, the asker's link) and the notices they owe, whose texts carry no question or answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askConsultation } from '../../core/app/consultations/ask.ts';
import { answerTeamConsultation, listOpenConsultations } from '../../core/app/consultations/answer.ts';
import { consultationByLink } from '../../core/app/consultations/read-by-link.ts';
import { deliverConsultationEmails } from '../../core/app/deliver-consultation-emails.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../core/app/errors.ts';
import { consultationNotices } from '../../core/domain/consultation-notices.ts';
import { askConsultationSchema, PERSONAL_NUMBER_IN_TEXT } from '../../core/domain/consultation.ts';
import { findPersonalNumber } from '../../core/domain/personal-number.ts';
import { signConsultationToken, signStatusToken, verifyConsultationToken, verifyStatusToken } from '../../core/domain/status-token.ts';
import { HONEYPOT_TRIGGERED } from '../../core/observability/log-events.ts';
import { captureOutput } from '../support/hostile-stack.ts';
import { fixedClock, MemoryConsultationStore, MemoryLedger, MemoryMailer, sampleDirectorySource } from '../support/fakes/index.ts';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const TODAY = '2026-11-30';
const valid = { schoolId: 'ekbacken', reporter: { name: 'Anna Lind', role: 'Klasslärare', email: 'anna.lind@skola.ekdala.example' }, question: 'En elev är ofta hungrig och trött. Är det skäl för en anmälan?' };

function luhn(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid personnummer or samordningsnummer, written with or without century, with "-", "+" (100 or older), no dash, or a space. */
const writtenNumber = fc
  .record({
    date: fc.date({ min: new Date('1915-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
    century: fc.boolean(),
    separator: fc.constantFrom('-', '', ' '),
  })
  .map(({ date, serial, coordination, century, separator }) => {
    const yyyy = String(date.getUTCFullYear());
    const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
    const dd = String(date.getUTCDate() + (coordination ? 60 : 0)).padStart(2, '0');
    const nnn = String(serial).padStart(3, '0');
    const check = luhn(`${yyyy.slice(2)}${mm}${dd}${nnn}`);
    // Without a century, a person 100 or older is written with "+".
    const old = Number(TODAY.slice(0, 4)) - Number(yyyy) > 100 || (Number(TODAY.slice(0, 4)) - Number(yyyy) === 100 && `${mm}-${dd}` <= TODAY.slice(5));
    const sep = !century && old ? '+' : separator;
    return `${century ? yyyy : yyyy.slice(2)}${mm}${dd}${sep}${nnn}${check}`;
  });

/** Text around the number that does not run into it (no digit right beside it). */
const around = fc.string({ maxLength: 40 }).map((s) => s.replace(/[0-9]/g, 'x'));

describe('a personal identity number in a consultation is refused (property tests)', () => {
  it('is found in any text, in every written form, with or without century and dash, samordningsnummer included', () => {
    fc.assert(
      fc.property(writtenNumber, around, around, (number, before, after) => {
        expect(findPersonalNumber(`${before} ${number} ${after}`, TODAY)).not.toBeNull();
        expect(findPersonalNumber(`${before}${number}${after}`, TODAY)).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('is refused with 400 naming the field, in the question, the name and the role', () => {
    fc.assert(
      fc.property(writtenNumber, around, fc.constantFrom('question', 'reporter.name', 'reporter.role'), (number, before, field) => {
        const text = `${before.trim() || 'Elev'} ${number}`.slice(0, 120);
        const body = structuredClone(valid) as Record<string, unknown> & { reporter: Record<string, string> };
        if (field === 'question') body.question = text;
        else body.reporter[field.split('.')[1]!] = text;
        const result = askConsultationSchema.safeParse(body);
        expect(result.success).toBe(false);
        const issue = result.error!.issues.find((i) => i.path.join('.') === field);
        expect(issue?.message).toBe(PERSONAL_NUMBER_IN_TEXT);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves text without such a number alone: dates, phone numbers, a wrong check digit', () => {
    fc.assert(
      fc.property(around, (text) => {
        expect(findPersonalNumber(text, TODAY)).toBeNull();
      }),
    );
    expect(findPersonalNumber('Ring 08-123 456 78 eller 070-123 45 67. Hände 2026-11-18.', TODAY)).toBeNull();
    expect(findPersonalNumber('20150312-2383', TODAY)).toBeNull(); // wrong check digit
    expect(findPersonalNumber('201503122382', TODAY)).toBe('201503122382');
    expect(findPersonalNumber('barnet 150372-2389?', TODAY)).not.toBeNull(); // samordningsnummer (day + 60)
    expect(askConsultationSchema.safeParse(valid).success).toBe(true);
  });
});

describe('the consultation link has its own purpose', () => {
  it('a status token never opens a consultation, nor the other way round', () => {
    const id = '0b5f2d8e-3c1a-4f6b-9d2e-7a8b9c0d1e2f';
    const consultation = signConsultationToken(id, SECRET);
    const status = signStatusToken(id, SECRET);
    expect(verifyConsultationToken(consultation, SECRET)).toBe(id);
    expect(verifyStatusToken(status, SECRET)).toBe(id);
    expect(verifyConsultationToken(status, SECRET)).toBeNull();
    expect(verifyStatusToken(consultation, SECRET)).toBeNull();
    const keyring = { current: { kid: 'k2', secret: SECRET } };
    expect(verifyStatusToken(signConsultationToken(id, keyring.current), keyring)).toBeNull();
    expect(verifyConsultationToken(signConsultationToken(id, keyring.current), keyring)).toBe(id);
  });
});

describe('ask → alert → answer → read (use cases over in-memory ports)', () => {
  const staff = (id: string, teamIds: string[]) => ({ id, teamIds });

  it('runs the whole flow, and the notices carry neither question nor answer', async () => {
    const consultations = new MemoryConsultationStore();
    const clock = fixedClock(new Date('2026-11-30T09:00:00Z'));
    const deps = { consultations, directory: sampleDirectorySource, clock, statusSecret: async () => SECRET };
    const { id } = await askConsultation(deps, valid);
    const stored = (await consultations.get(id))!;
    expect(stored).toMatchObject({ schoolId: 'ekbacken', teamId: 'mottagning-norr', areaId: 'norr', askedAt: '2026-11-30T09:00:00.000Z' });

    // The alert goes to the school's named contact.
    const mailer = new MemoryMailer();
    const ledger = new MemoryLedger();
    const notify = { mailer, clock, directory: sampleDirectorySource, statusSecret: async () => SECRET, publicUrl: 'https://x.example', recordAttempts: 2, consultationLedger: ledger };
    expect(await deliverConsultationEmails(notify, [{ id: '1', change: { eventName: 'INSERT', newConsultation: stored } }])).toEqual([]);
    expect(mailer.sent.map((m) => m.to)).toEqual(['sara.lindqvist@ekdala.example']);
    expect(mailer.sent[0]!.text).toContain('https://x.example/cases?view=consultations');

    // Another team does not see it; the school's team lists and answers it.
    expect((await listOpenConsultations(deps, staff('maria.holm@ekdala.example', ['mottagning-syd']), 'open')).consultations).toEqual([]);
    const list = await listOpenConsultations(deps, staff('johan.ek@ekdala.example', ['mottagning-norr']), 'open');
    expect(list.consultations.map((c) => [c.id, c.schoolName, c.question])).toEqual([[id, 'Ekbackens skola', valid.question]]);
    await expect(answerTeamConsultation(deps, staff('maria.holm@ekdala.example', ['mottagning-syd']), id, { text: 'Nej.' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(answerTeamConsultation(deps, staff('johan.ek@ekdala.example', ['mottagning-norr']), id, { text: 'Barnet heter 20150312-2382' })).rejects.toBeInstanceOf(InvalidInputError);
    const answerText = 'Ja, gör en anmälan: upprepad hunger och trötthet är skäl nog.';
    await answerTeamConsultation(deps, staff('johan.ek@ekdala.example', ['mottagning-norr']), id, { text: answerText });
    await expect(answerTeamConsultation(deps, staff('johan.ek@ekdala.example', ['mottagning-norr']), id, { text: 'Igen' })).rejects.toBeInstanceOf(ConflictError);
    expect((await listOpenConsultations(deps, staff('johan.ek@ekdala.example', ['mottagning-norr']), 'open')).consultations).toEqual([]);

    // The asker's notice carries the signed link; the link opens question and answer.
    const answered = (await consultations.get(id))!;
    await deliverConsultationEmails(notify, [{ id: '2', change: { eventName: 'MODIFY', oldConsultation: stored, newConsultation: answered } }]);
    const notice = mailer.sent[1]!;
    expect(notice.to).toBe('anna.lind@skola.ekdala.example');
    const token = decodeURIComponent(/\/consultations\/([^\s"<]+)/.exec(notice.text)![1]!);
    const read = await consultationByLink(deps, token);
    expect(read).toMatchObject({ id, schoolName: 'Ekbackens skola', question: valid.question, answer: { text: answerText } });
    expect(JSON.stringify(read)).not.toContain('johan.ek'); // who answered stays in the portal
    await expect(consultationByLink(deps, signStatusToken(id, SECRET))).rejects.toBeInstanceOf(NotFoundError);

    for (const email of mailer.sent) {
      for (const part of [email.subject, email.text, email.html]) {
        expect(part).not.toContain('hungrig');
        expect(part).not.toContain('upprepad hunger');
        expect(part).not.toContain('Anna Lind');
      }
    }
    // Delivered once: a repeated record sends nothing again.
    await deliverConsultationEmails(notify, [{ id: '3', change: { eventName: 'INSERT', newConsultation: stored } }]);
    expect(mailer.sent).toHaveLength(2);
  });

  it('refuses a school that is not in the directory, naming schoolId, and stores nothing', async () => {
    const consultations = new MemoryConsultationStore();
    const deps = { consultations, directory: sampleDirectorySource, clock: fixedClock(new Date()) };
    const error = await askConsultation(deps, { ...valid, schoolId: 'nowhere' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).errors.map((e) => e.path)).toEqual(['schoolId']);
    expect(consultations.items.size).toBe(0);
  });

  it('a filled honeypot is answered like a stored question, and nothing is stored', async () => {
    const consultations = new MemoryConsultationStore();
    const output = captureOutput({ quiet: true });
    let result;
    try {
      result = await askConsultation({ consultations, directory: sampleDirectorySource, clock: fixedClock(new Date()) }, { ...valid, website: 'x' });
    } finally {
      output.stop();
    }
    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(consultations.items.size).toBe(0);
    // The very line the report form's honeypot logs, which the HoneypotTriggered metric filter counts on the consult
    // function's log group too (infra/constructs/monitoring.ts); ids only, nothing the bot sent.
    expect(output.jsonLines().filter((line) => line.message === HONEYPOT_TRIGGERED)).toEqual([expect.objectContaining({ level: 'INFO', kind: 'consultation' })]);
    expect(output.text()).not.toContain(valid.reporter.email);
  });
});

describe('what a consultation change owes (consultationNotices)', () => {
  const consultation = {
    id: '0b5f2d8e-3c1a-4f6b-9d2e-7a8b9c0d1e2f',
    schoolId: 'norrskolan',
    teamId: 'mottagning-norr',
    areaId: 'norr',
    language: 'sv' as const,
    reporter: { name: 'A', role: 'B', email: 'asker@skola.ekdala.example' },
    question: 'Q',
    askedAt: '2026-11-30T09:00:00.000Z',
  };

  it('alerts the named contact on a new one, the asker once it is answered, nobody otherwise', async () => {
    const directory = await sampleDirectorySource.current();
    expect(consultationNotices({ eventName: 'INSERT', newConsultation: consultation }, directory)).toEqual([
      { key: 'consultation-alert:johan.ek@ekdala.example', kind: 'consultation-alert', to: 'johan.ek@ekdala.example' },
    ]);
    const answered = { ...consultation, answer: { text: 'A', by: 'johan.ek@ekdala.example', at: '2026-11-30T10:00:00.000Z' } };
    expect(consultationNotices({ eventName: 'MODIFY', oldConsultation: consultation, newConsultation: answered }, directory)).toEqual([
      { key: 'consultation-answered', kind: 'consultation-answered', to: 'asker@skola.ekdala.example' },
    ]);
    expect(consultationNotices({ eventName: 'MODIFY', oldConsultation: answered, newConsultation: answered }, directory)).toEqual([]);
    expect(consultationNotices({ eventName: 'REMOVE' }, directory)).toEqual([]);
  });

  it('alerts the team lead when the school has left the directory since', async () => {
    const directory = await sampleDirectorySource.current();
    const gone = { ...directory, schools: directory.schools.filter((s) => s.id !== 'norrskolan') };
    expect(consultationNotices({ eventName: 'INSERT', newConsultation: consultation }, gone).map((e) => e.to)).toEqual(['karin.norberg@ekdala.example']);
  });
});
