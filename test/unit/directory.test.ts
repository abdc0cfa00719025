// The directory's schema (every problem with its path) and the administrators' use cases over in-memory ports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DirectoryAdminDependencies } from '../../core/app/directory/current-version.ts';
import { directoryHistory, readDirectory } from '../../core/app/directory/read-directory.ts';
import { saveDirectory } from '../../core/app/directory/save-directory.ts';
import { seedDirectory } from '../../core/app/directory/seed-directory.ts';
import { runtimeConfig } from '../../core/config/runtime.ts';
import { directoryChanges } from '../../core/directory/changes.ts';
import { directorySchema, parseDirectory, teamServingSchool, type Directory } from '../../core/directory/directory.ts';
import { fixedDirectorySource } from '../../core/directory/source.ts';
import { MemoryDirectoryVersions, openReportsOf } from '../support/memory-directory.ts';

const raw = (): any => JSON.parse(readFileSync(new URL('../../directory/sample.json', import.meta.url), 'utf8'));
const sample = (): Directory => parseDirectory(raw());
const pathsOf = (data: unknown) => {
  const result = directorySchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};
const admin = { email: 'alva.admin@ekdala.example' };

function deps(options: { open?: string[] } = {}): DirectoryAdminDependencies & { versions: MemoryDirectoryVersions } {
  return { versions: new MemoryDirectoryVersions(), seed: fixedDirectorySource(sample()), openReports: openReportsOf(options.open ?? []), now: () => new Date('2026-11-30T10:00:00Z') };
}

describe('the directory schema', () => {
  it('accepts the sample and fills the optional lists', () => {
    const data = raw();
    delete data.municipality.excludedEmailDomains;
    expect(parseDirectory(data).municipality.excludedEmailDomains).toEqual([]);
  });

  it('names each cross-reference problem by its path, also when other fields are malformed', () => {
    const data = raw();
    data.areas[1].teamId = 'ghost';
    data.teams[0].boardId = 'no-board';
    data.teams[1].officeHours = { opens: '17:00', closes: '08:00' };
    data.schools[9].namedContact = 'karin.norberg@ekdala.example'; // Norr's lead; Holmen (Skärgården) is served by Syd
    data.schools[5].id = data.schools[4].id;
    data.fallbackTeamId = 'nobody';
    data.municipality.excludedEmailDomains = ['fyrudden.example']; // an independent school's own domain
    data.teams[2].email = 'not-an-address';
    delete data.schools[0].namedContact;
    expect(pathsOf(data).sort()).toEqual(
      [
        'areas.1.teamId',
        'teams.0.boardId',
        'teams.1.officeHours.closes',
        'schools.9.namedContact',
        'schools.5.id',
        'fallbackTeamId',
        'municipality.excludedEmailDomains.0',
        'teams.2.email',
        'schools.0.namedContact',
      ].sort(),
    );
  });

  it('refuses the school id "other": the form sends it for "my school is not in the list"', () => {
    const data = raw();
    data.schools[1].id = 'other';
    const result = directorySchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({
        path: ['schools', 1, 'id'],
        message: '"other" is reserved: the form sends it for "my school is not in the list"; choose another id',
        params: { problem: 'reserved-id', value: 'other' },
      }),
    ]);
    // An area or a team may still be called so: only a school's id meets the form's choice.
    const area = raw();
    area.areas[0].id = 'other';
    area.schools = area.schools.map((s: { areaId: string }) => (s.areaId === 'norr' ? { ...s, areaId: 'other' } : s));
    expect(directorySchema.safeParse(area).success).toBe(true);
  });

  it('refuses domains in any other form than the bare lowercase domain', () => {
    for (const bad of ['@ekdala.example', 'Ekdala.example', '*.ekdala.example', 'https://ekdala.example', 'ekdala']) {
      const data = raw();
      data.municipality.schoolEmailDomains = [bad];
      expect(pathsOf(data), bad).toEqual(['municipality.schoolEmailDomains.0']);
    }
  });

  it('accepts a team lead as a school’s named contact, in any letter case', () => {
    const data = raw();
    data.schools[0].namedContact = 'Karin.Norberg@ekdala.example';
    expect(pathsOf(data)).toEqual([]);
    expect(teamServingSchool(parseDirectory(data), 'ekbacken')?.id).toBe('mottagning-norr');
  });

  it('lists what changed between versions by id', () => {
    const before = sample();
    const after = structuredClone(before);
    after.schools.push({ id: 'ny', name: 'Ny skola', areaId: 'norr', namedContact: 'johan.ek@ekdala.example' });
    after.areas = after.areas.filter((a) => a.id !== 'skargarden');
    after.teams[0]!.phone = '010-999 99 99';
    after.outOfHours.phone = '010-111 11 11';
    expect(directoryChanges(before, after)).toEqual({ added: ['schools/ny'], removed: ['areas/skargarden'], changed: ['teams/mottagning-norr', 'outOfHours'] });
  });
});

describe('the administrators’ use cases', () => {
  it('answer the file as version 0 before the seed, and only to an administrator', async () => {
    const d = deps();
    expect(await readDirectory(d, admin)).toMatchObject({ kind: 'ok', version: 0 });
    expect(await readDirectory(d, { email: 'sara.lindqvist@ekdala.example' })).toEqual({ kind: 'forbidden' });
    expect(await readDirectory(d, { email: undefined })).toEqual({ kind: 'forbidden' });
    expect(await directoryHistory(d, { email: 'sara.lindqvist@ekdala.example' })).toEqual({ kind: 'forbidden' });
  });

  it('save version n+1 with who, when and what changed; the seed stays version 1', async () => {
    const d = deps();
    expect(await seedDirectory(d.versions, sample(), new Date('2026-11-01T00:00:00Z'))).toBe('seeded');
    const next = sample();
    next.municipality.name = 'Ekdala kommun';
    expect(await saveDirectory(d, admin, { version: 1, directory: next })).toEqual({ kind: 'saved', version: 2 });
    expect(await directoryHistory(d, admin)).toEqual({
      kind: 'ok',
      versions: [
        { version: 2, savedAt: '2026-11-30T10:00:00.000Z', savedBy: 'alva.admin@ekdala.example', changes: { added: [], removed: [], changed: ['municipality'] } },
        expect.objectContaining({ version: 1, savedBy: 'deployment' }),
      ],
    });
    expect(await seedDirectory(d.versions, sample(), new Date())).toBe('kept');
  });

  it('refuse a stale version, an invalid body (with body paths), and a save that removes the caller', async () => {
    const d = deps();
    await seedDirectory(d.versions, sample(), new Date());
    expect(await saveDirectory(d, admin, { version: 0, directory: sample() })).toEqual({ kind: 'stale', currentVersion: 1 });
    const invalid = raw();
    invalid.areas[0].teamId = 'ghost';
    const refused = await saveDirectory(d, admin, { version: 1, directory: invalid });
    expect(refused).toEqual({ kind: 'invalid', errors: [{ path: 'directory.areas.0.teamId', message: 'unknown team "ghost"' }] });
    expect(await saveDirectory(d, admin, { directory: sample() })).toMatchObject({ kind: 'invalid', errors: [{ path: 'version' }] });
    const withoutMe = sample();
    withoutMe.administrators = [{ name: 'Other', email: 'other.admin@ekdala.example' }];
    expect(await saveDirectory(d, admin, { version: 1, directory: withoutMe })).toMatchObject({ kind: 'invalid', errors: [{ path: 'directory.administrators' }] });
    expect(d.versions.versions).toHaveLength(1);
  });

  it('refuse removing a team that still has open reports, naming it; a team without may go', async () => {
    const withoutCentral = (directory: Directory) => {
      directory.teams = directory.teams.filter((t) => t.id !== 'mottagning-central');
      directory.areas = directory.areas.map((a) => (a.teamId === 'mottagning-central' ? { ...a, teamId: 'mottagning-norr' } : a));
      directory.schools = directory.schools.map((s) => (s.areaId === 'centrum' ? { ...s, namedContact: 'sara.lindqvist@ekdala.example' } : s));
      directory.fallbackTeamId = 'mottagning-norr';
      return directory;
    };
    const busy = deps({ open: ['mottagning-central'] });
    await seedDirectory(busy.versions, sample(), new Date());
    const refused = await saveDirectory(busy, admin, { version: 1, directory: withoutCentral(sample()) });
    expect(refused).toEqual({
      kind: 'open-reports',
      errors: [
        {
          path: 'directory.teams',
          message: expect.stringContaining('Mottagningsgruppen Centrum (mottagning-central) still has open reports'),
          params: { problem: 'open-reports', teamId: 'mottagning-central', teamName: 'Mottagningsgruppen Centrum' },
        },
      ],
    });
    const quiet = deps({ open: ['mottagning-norr'] });
    await seedDirectory(quiet.versions, sample(), new Date());
    expect(await saveDirectory(quiet, admin, { version: 1, directory: withoutCentral(sample()) })).toEqual({ kind: 'saved', version: 2 });
  });
});

describe('how old a function’s copy of the directory may get', () => {
  it('is 60 s unless set lower; more than 60 s is refused at cold start', () => {
    expect(runtimeConfig({ LOCAL_MODE: 'true' }).DIRECTORY_MAX_AGE_SECONDS).toBe(60);
    expect(runtimeConfig({ LOCAL_MODE: 'true', DIRECTORY_MAX_AGE_SECONDS: '5' }).DIRECTORY_MAX_AGE_SECONDS).toBe(5);
    expect(() => runtimeConfig({ LOCAL_MODE: 'true', DIRECTORY_MAX_AGE_SECONDS: '61' })).toThrow(/DIRECTORY_MAX_AGE_SECONDS/);
  });
});
