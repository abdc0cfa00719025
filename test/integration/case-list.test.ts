// The list and the search on the local stack (issue 12): DynamoDB Local's byTeam index read in pages, every
// report exactly once across pages, the search by name as a POST, another caller's cursor refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atLocalTime } from '../../core/domain/calendar.ts';
import { signIn, startTestStack, type TestStack } from '../support/local-stack.ts';
import { newReportWithAudit } from '../support/reports.ts';

let stack: TestStack;
let sara: string;
let johan: string;
const COUNT = 70;

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  stack = await startTestStack();
  sara = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
  johan = await signIn(stack.url, 'johan.ek@ekdala.example');
  const start = atLocalTime('2026-11-23', '08:00');
  for (let i = 0; i < COUNT; i++) {
    const child = i === 42 ? { firstName: 'Elias', lastName: 'Åberg' } : { firstName: `Barn${i}`, lastName: 'Lund' };
    const { report, audit } = newReportWithAudit({ at: new Date(start.getTime() + i * 3_600_000), body: { child, urgency: i % 10 === 0 ? 'urgent' : 'normal' } });
    await stack.repository.create(report, audit);
  }
});
afterAll(async () => {
  await stack?.stop();
});

describe('the list on DynamoDB Local', () => {
  it('pages through every report exactly once, due first within the team', async () => {
    const ids: string[] = [];
    const dues: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await call('GET', `/api/cases${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, sara);
      expect(page.status).toBe(200);
      ids.push(...page.json.cases.map((c: { id: string }) => c.id));
      dues.push(...page.json.cases.map((c: { acknowledgeBy: string }) => c.acknowledgeBy));
      cursor = page.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(ids).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
    expect(pages).toBe(2);
    expect([...dues].sort()).toEqual(dues);
  });

  it('filters by urgency, and refuses another caller’s cursor with a 400 naming it', async () => {
    const urgent = await call('GET', '/api/cases?urgency=urgent', sara);
    expect(urgent.json.cases).toHaveLength(COUNT / 10);
    expect(urgent.json.cases.every((c: { urgency: string }) => c.urgency === 'urgent')).toBe(true);
    const first = await call('GET', '/api/cases', sara);
    const stolen = await call('GET', `/api/cases?cursor=${encodeURIComponent(first.json.nextCursor)}`, johan);
    expect(stolen.status).toBe(400);
    expect(stolen.json.errors[0].path).toBe('cursor');
    expect((await call('GET', '/api/cases?overdue=maybe', sara)).json.errors[0].path).toBe('overdue');
  });

  it('finds the child by name through a POST body', async () => {
    const found = await call('POST', '/api/cases/search', sara, { q: 'elias aberg' });
    expect(found.status).toBe(200);
    expect(found.json.cases.map((c: { childInitials: string }) => c.childInitials)).toEqual(['E. Å.']);
    expect(found.json.nextCursor).toBeNull();
    expect((await call('POST', '/api/cases/search', sara, { q: '' })).json.errors[0].path).toBe('q');
  });
});
