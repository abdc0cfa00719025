// A team removed while a report is on its way to it, on the local stack (DynamoDB Local). The directory save refuses
// to remove a team with open reports, but a submit routes with its copy of the directory (up to 60 s old), so it can
// still write a report to a team that a save has just removed. Such a report belongs to the fallback team: notify and
// the sweep already alert it (notifications.ts teamOf); its people can now also open it and forward it, instead of a
// report that nobody could see. Here the late submit is the report written with the directory as it was before the
// save, which is what a submit with the old copy writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../../core/directory/directory.ts';
import { newReportWithAudit } from '../support/reports.ts';
import { signIn, startTestStack, type TestStack } from '../support/local-stack.ts';

const CACHE_SECONDS = 1;
let stack: TestStack;
const people = {
  alva: 'alva.admin@ekdala.example',
  lina: 'lina.berg@ekdala.example', // the fallback team (mottagning-central)
  eva: 'eva.centerlund@ekdala.example', // its lead
  sara: 'sara.lindqvist@ekdala.example', // mottagning-norr
};
const token: Record<string, string> = {};

async function call(method: string, path: string, who: keyof typeof people, body?: unknown) {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token[who]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  stack = await startTestStack({ directoryMaxAgeSeconds: CACHE_SECONDS });
  for (const [who, email] of Object.entries(people)) token[who] = await signIn(stack.url, email);
});
afterAll(async () => {
  await stack?.stop();
});

describe('a report routed to a team that a directory save has just removed', () => {
  it('belongs to the fallback team: its people open it and forward it; the other teams still get 404', async () => {
    const loaded = await call('GET', '/api/directory', 'alva');
    const before = loaded.json.directory as Directory;
    // Mottagningsgruppen Syd goes; its areas move to Norr, their schools' named contact with them.
    const after: Directory = structuredClone(before);
    after.teams = after.teams.filter((t) => t.id !== 'mottagning-syd');
    after.areas = after.areas.map((a) => (a.teamId === 'mottagning-syd' ? { ...a, teamId: 'mottagning-norr' } : a));
    const movedAreas = new Set(before.areas.filter((a) => a.teamId === 'mottagning-syd').map((a) => a.id));
    after.schools = after.schools.map((s) => (movedAreas.has(s.areaId) ? { ...s, namedContact: people.sara } : s));
    const saved = await call('PUT', '/api/directory', 'alva', { version: loaded.json.version, directory: after });
    expect(saved.status).toBe(200);

    // The submit that routed with the directory from before the save.
    const { report, audit } = newReportWithAudit({ at: new Date(), body: { schoolId: 'sodervik' }, directory: before });
    expect(report.teamId).toBe('mottagning-syd');
    expect((await stack.repository.create(report, audit)).kind).toBe('created');
    await new Promise((resolve) => setTimeout(resolve, CACHE_SECONDS * 1000 + 100));

    const seen = await call('GET', `/api/cases/${report.id}`, 'lina');
    expect(seen.status).toBe(200);
    expect(seen.json.report).toMatchObject({ id: report.id, teamId: 'mottagning-syd' });
    expect((await call('GET', `/api/cases/${report.id}`, 'sara')).status).toBe(404);

    // The fallback team's lead assigns it within the team, then a member forwards it where it belongs now.
    const assigned = await call('POST', `/api/cases/${report.id}/assign`, 'eva', { assignee: people.lina });
    expect(assigned.status).toBe(200);
    const forwarded = await call('POST', `/api/cases/${report.id}/forward`, 'lina', { teamId: 'mottagning-norr', reason: 'Södervikskolan hör nu till Norr' });
    expect(forwarded.status).toBe(200);
    expect((await call('GET', `/api/cases/${report.id}`, 'lina')).status).toBe(404);
    const norr = await call('GET', `/api/cases/${report.id}`, 'sara');
    expect(norr.status).toBe(200);
    expect(norr.json.audit.find((e: { action: string }) => e.action === 'forwarded')).toMatchObject({
      actor: { kind: 'staff', id: people.lina },
      detail: { fromTeamId: 'mottagning-syd', toTeamId: 'mottagning-norr' },
    });
  });
});
