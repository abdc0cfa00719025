import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDirectory } from '../../core/directory/directory.ts';
import { checkPersonalNumber } from '../../core/domain/personal-number.ts';
import { referenceFor } from '../../core/domain/reference.ts';
import { routeReport } from '../../core/domain/routing.ts';

const sample = JSON.parse(readFileSync(new URL('../../directory/sample.json', import.meta.url), 'utf8'));
const directory = parseDirectory(sample);

describe('routing', () => {
  it('routes a school to its area and the area team', () => {
    expect(routeReport(directory, 'ekbacken')).toEqual({ teamId: 'mottagning-norr', areaId: 'norr', schoolName: 'Ekbackens skola', routedToFallback: false });
    expect(routeReport(directory, 'holmen').teamId).toBe('mottagning-syd');
  });

  it('sends an unknown school to the fallback team, flagged', () => {
    expect(routeReport(directory, 'no-such-school')).toEqual({ teamId: 'mottagning-central', areaId: null, schoolName: null, routedToFallback: true });
  });
});

describe('the directory', () => {
  it('has the sample municipality of at least 3 areas, 10 schools and 3 teams', () => {
    expect(directory.areas.length).toBeGreaterThanOrEqual(3);
    expect(directory.schools.length).toBeGreaterThanOrEqual(10);
    expect(directory.teams.length).toBeGreaterThanOrEqual(3);
  });

  it('rejects unknown references and teams without contacts, naming the key', () => {
    const broken = structuredClone(sample);
    broken.schools[0].areaId = 'atlantis';
    broken.teams[0].contacts = [];
    broken.fallbackTeamId = 'nobody';
    expect(() => parseDirectory(broken)).toThrow(/schools\.0\.areaId: unknown area "atlantis"/);
    expect(() => parseDirectory(broken)).toThrow(/teams\.0\.contacts/);
    expect(() => parseDirectory(broken)).toThrow(/fallbackTeamId: unknown team "nobody"/);
  });

  it('rejects duplicate ids', () => {
    const broken = structuredClone(sample);
    broken.schools.push({ ...broken.schools[0] });
    expect(() => parseDirectory(broken)).toThrow(/id "ekbacken" is used more than once/);
  });
});

describe('Swedish personal identity numbers', () => {
  it('accepts valid personal and coordination numbers in the usual formats', () => {
    for (const valid of ['20150312-2382', '201503122382', '150312-2382', '1503122382', '19121212+1212', '20150372-2389']) {
      expect(checkPersonalNumber(valid), valid).toBeNull();
    }
  });

  it('names what is wrong', () => {
    expect(checkPersonalNumber('2015-03-12')).toBe('format');
    expect(checkPersonalNumber('20150230-2382')).toBe('date');
    expect(checkPersonalNumber('20150312-2383')).toBe('check-digit');
  });
});

describe('references', () => {
  it('are short, readable, stable per submission id and free of personal data', () => {
    const at = new Date('2026-11-25T10:00:00Z');
    const a = referenceFor('0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f', at);
    expect(a).toMatch(/^ORO-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(referenceFor('0b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f', at)).toBe(a);
    expect(referenceFor('1b9c7c1e-4a5b-4c8d-9e0f-1a2b3c4d5e6f', at)).not.toBe(a);
  });
});
