// The directory kept by administrators, on the local stack: GET/PUT /api/directory and its history, who may use
// them, and that routing and access follow a saved change within the functions' cache age (1 s here, 60 s in AWS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../../core/directory/directory.ts';
import { signIn, startTestStack, submit, validSubmission, type TestStack } from '../support/local-stack.ts';

const CACHE_SECONDS = 1;
let stack: TestStack;
let admin: string;
let sara: string; // a contact of mottagning-norr (serves ekbacken)

async function call(method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function current(): Promise<{ version: number; directory: Directory }> {
  const response = await call('GET', '/api/directory', admin);
  expect(response.status).toBe(200);
  return response.json;
}

/** Saves a change to the current directory and waits out the functions' cache. */
async function saveChange(change: (directory: Directory) => void): Promise<number> {
  const { version, directory } = await current();
  change(directory);
  const response = await call('PUT', '/api/directory', admin, { version, directory });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, CACHE_SECONDS * 1000 + 100));
  return response.json.version;
}

const paths = (response: { json: { errors: { path: string }[] } }) => response.json.errors.map((e) => e.path);

beforeAll(async () => {
  stack = await startTestStack({ directoryMaxAgeSeconds: CACHE_SECONDS });
  admin = await signIn(stack.url, 'alva.admin@ekdala.example');
  sara = await signIn(stack.url, 'sara.lindqvist@ekdala.example');
});
afterAll(async () => {
  await stack?.stop();
});

describe('who may use the directory API', () => {
  it('answers the seeded version 1 to an administrator', async () => {
    const { version, directory } = await current();
    expect(version).toBe(1);
    expect(directory.schools.find((s) => s.id === 'ekbacken')?.namedContact).toBe('sara.lindqvist@ekdala.example');
  });

  it('refuses a team member with 403 (the routes are no secret; the message says who may), and anyone unsigned with 401', async () => {
    for (const [method, path] of [['GET', '/api/directory'], ['PUT', '/api/directory'], ['GET', '/api/directory/history']] as const) {
      const refused = await call(method, path, sara, method === 'PUT' ? { version: 1, directory: {} } : undefined);
      expect(refused.status, path).toBe(403);
      expect(refused.json.message).toMatch(/administrators/);
      expect((await call(method, path)).status, path).toBe(401);
    }
  });
});

describe('saving', () => {
  it('refuses an invalid directory with 400 and the path of each problem', async () => {
    const { version, directory } = await current();
    directory.areas[0]!.teamId = 'no-such-team';
    directory.schools[5]!.namedContact = 'karin.holm@elsewhere.example'; // strandskolan, served by Syd
    (directory.schools[2] as Partial<Directory['schools'][number]>).namedContact = undefined;
    directory.schools[3]!.id = directory.schools[4]!.id;
    directory.teams[0]!.contacts[0]!.email = 'not an email';
    const response = await call('PUT', '/api/directory', admin, { version, directory });
    expect(response.status).toBe(400);
    expect(paths(response)).toEqual(
      expect.arrayContaining([
        'directory.areas.0.teamId',
        'directory.schools.5.namedContact',
        'directory.schools.2.namedContact',
        'directory.schools.4.id', // the second school with that id
        'directory.teams.0.contacts.0.email',
      ]),
    );
    expect((await current()).version).toBe(version);
  });

  it('refuses a stale version with 409, and keeps the newer one', async () => {
    const { version, directory } = await current();
    const first = await call('PUT', '/api/directory', admin, { version, directory: { ...directory, municipality: { ...directory.municipality, name: 'Ekdala kommun' } } });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(version + 1);
    const stale = await call('PUT', '/api/directory', admin, { version, directory });
    expect(stale.status).toBe(409);
    expect(paths(stale)).toEqual(['version']);
    expect((await current()).directory.municipality.name).toBe('Ekdala kommun');
  });

  it('keeps the history: who saved which version, when, and what changed', async () => {
    const history = await call('GET', '/api/directory/history', admin);
    expect(history.status).toBe(200);
    const [newest, ...older] = history.json.versions;
    expect(newest.savedBy).toBe('alva.admin@ekdala.example');
    expect(newest.changes.changed).toEqual(['municipality']);
    expect(Date.parse(newest.savedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(older.at(-1)).toMatchObject({ version: 1, savedBy: 'deployment' });
  });

  it('refuses removing a team with open reports, naming it, until they are forwarded', async () => {
    const submitted = await submit(stack.url, validSubmission({ schoolId: 'centralskolan' }));
    expect(submitted.status).toBe(201);
    const { version, directory } = await current();
    directory.teams = directory.teams.filter((t) => t.id !== 'mottagning-central');
    directory.areas = directory.areas.map((a) => (a.id === 'centrum' ? { ...a, teamId: 'mottagning-norr' } : a));
    directory.schools = directory.schools.map((s) => (s.areaId === 'centrum' ? { ...s, namedContact: 'johan.ek@ekdala.example' } : s));
    directory.fallbackTeamId = 'mottagning-norr';
    const refused = await call('PUT', '/api/directory', admin, { version, directory });
    expect(refused.status).toBe(409);
    expect(refused.json.errors[0].message).toContain('Mottagningsgruppen Centrum (mottagning-central) still has open reports');
    expect((await current()).directory.teams.map((t) => t.id)).toContain('mottagning-central');
  });

  it('refuses a save that would remove the administrator saving it', async () => {
    const { version, directory } = await current();
    directory.administrators = [{ name: 'Someone Else', email: 'someone.else@ekdala.example' }];
    const refused = await call('PUT', '/api/directory', admin, { version, directory });
    expect(refused.status).toBe(400);
    expect(paths(refused)).toEqual(['directory.administrators']);
  });
});

describe('a saved change takes effect within the cache age, with no deploy', () => {
  it('routes the next report from a moved area to its new team', async () => {
    const before = await submit(stack.url, validSubmission({ schoolId: 'ekbacken' }));
    expect((await stack.repository.get(before.json.id))!.report.teamId).toBe('mottagning-norr');
    const started = Date.now();
    await saveChange((directory) => {
      directory.areas = directory.areas.map((a) => (a.id === 'norr' ? { ...a, teamId: 'mottagning-syd' } : a));
      // Each school's named contact must belong to the team that now serves it.
      directory.schools = directory.schools.map((s) => (s.areaId === 'norr' ? { ...s, namedContact: 'maria.holm@ekdala.example' } : s));
    });
    const after = await submit(stack.url, validSubmission({ schoolId: 'ekbacken' }));
    expect((await stack.repository.get(after.json.id))!.report.teamId).toBe('mottagning-syd');
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('takes a removed contact’s access to the team’s reports away', async () => {
    const submitted = await submit(stack.url, validSubmission({ schoolId: 'centralskolan' }));
    const lina = await signIn(stack.url, 'lina.berg@ekdala.example');
    expect((await call('GET', `/api/cases/${submitted.json.id}`, lina)).status).toBe(200);
    await saveChange((directory) => {
      const team = directory.teams.find((t) => t.id === 'mottagning-central')!;
      team.contacts = team.contacts.filter((c) => c.email !== 'lina.berg@ekdala.example');
      directory.schools = directory.schools.map((s) => (s.namedContact === 'lina.berg@ekdala.example' ? { ...s, namedContact: 'omar.nilsson@ekdala.example' } : s));
    });
    // The same token: it still proves who she is, but the directory no longer puts her in the team: her team's
    // report is now "not found" for her, as any report of another team is (issue 19, item 7).
    expect((await call('GET', `/api/cases/${submitted.json.id}`, lina)).status).toBe(404);
    const list = await call('GET', '/api/cases', lina);
    expect(list.json.cases).toEqual([]);
    expect((await call('GET', `/api/cases/${submitted.json.id}`, await signIn(stack.url, 'omar.nilsson@ekdala.example'))).status).toBe(200);
  });
});
