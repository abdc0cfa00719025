// The admin page's Swedish wording of the directory's problems (web/client/admin-problems.ts): each names the thing
// in the page's words, from the data, and says what is wrong; never a raw path or zod's English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directorySchema } from '../../core/directory/directory.ts';
import { directoryPath, swedishProblem, type DirectoryProblem } from '../../web/client/admin-problems.ts';

const raw = (): any => JSON.parse(readFileSync(new URL('../../directory/sample.json', import.meta.url), 'utf8'));
const sentences = (data: unknown) => {
  const result = directorySchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const { where, what } = swedishProblem(issue as DirectoryProblem, data);
    return `${where}: ${what}`;
  });
};

describe('the directory problems in Swedish', () => {
  it('names the school by number and name, and the field in the page\'s words', () => {
    const data = raw();
    delete data.schools[2].namedContact;
    expect(sentences(data)).toEqual(['Skola 3 (Björkhagens skola): namngiven kontakt saknas']);
  });

  it('words every kind of problem the schema and its cross-checks find', () => {
    const data = raw();
    data.municipality.name = '  ';
    data.schools[1].id = 'Norr Skolan';
    data.schools[3].namedContact = 'maria.holm@';
    data.teams[0].phone = 'ring oss';
    data.teams[0].contacts = [];
    data.teams[1].lead.email = 'peter';
    data.teams[1].officeHours = { opens: '17:00', closes: '08:00' };
    data.areas[0].teamId = 'ghost';
    data.schools[9].namedContact = 'karin.norberg@ekdala.example';
    data.schools[5].id = data.schools[4].id;
    data.fallbackTeamId = 'nobody';
    data.municipality.excludedEmailDomains = ['fyrudden.example'];
    data.outOfHours.staff[1].name = '';
    expect(sentences(data).sort()).toEqual(
      [
        'Kommunen: namn saknas',
        'Skola 2 (Norrskolan): id får bara innehålla små bokstäver a–z, siffror och bindestreck (inga å, ä, ö eller mellanslag)',
        'Skola 4 (Södervikskolan): namngiven kontakt måste vara en e-postadress som namn@kommun.se',
        'Mottagningsgrupp 1 (Mottagningsgruppen Norr): gruppens telefon måste vara ett telefonnummer som 010-100 10 10',
        'Mottagningsgrupp 1 (Mottagningsgruppen Norr): kontaktpersoner saknas – lägg till minst en',
        'Mottagningsgrupp 2 (Mottagningsgruppen Syd), teamledare: e-post måste vara en e-postadress som namn@kommun.se',
        'Mottagningsgrupp 2 (Mottagningsgruppen Syd), kontorstid: stänger måste vara senare än öppningstiden',
        'Område 1 (Norra Ekdala): mottagningsgruppens id "ghost" finns inte bland mottagningsgrupperna',
        'Skola 10 (Holmens skola): namngiven kontakt måste vara en kontaktperson eller teamledaren i Mottagningsgruppen Syd, gruppen som har Skärgården',
        'Skola 6 (Strandskolan): id "lonnhojden" används redan av en annan – varje id får finnas en gång',
        'Övrigt: grupp för okända skolor "nobody" finns inte bland mottagningsgrupperna',
        'Kommunen: elevernas domäner (rad 1) "fyrudden.example" står också bland skolornas e-postdomäner',
        // The cross-check reads malformed fields loosely too: every problem at once.
        'Skola 4 (Södervikskolan): namngiven kontakt måste vara en kontaktperson eller teamledaren i Mottagningsgruppen Syd, gruppen som har Södra Ekdala',
        'Socialjouren, person 2: namn saknas',
      ].sort(),
    );
  });

  it('says why a school may not have the id "other"', () => {
    const data = raw();
    data.schools[0].id = 'other';
    expect(sentences(data)).toEqual(['Skola 1 (Ekbackens skola): id kan inte vara "other": formuläret använder det för "min skola finns inte i listan" – välj ett annat id']);
  });

  it('words the save\'s own refusals from the API by their params, the body path read as a directory path', () => {
    const data = raw();
    expect(directoryPath('directory.schools.2.namedContact')).toEqual(['schools', 2, 'namedContact']);
    const open = swedishProblem(
      { path: directoryPath('directory.teams'), message: 'x', params: { problem: 'open-reports', teamId: 'mottagning-central', teamName: 'Mottagningsgruppen Centrum' } },
      data,
    );
    expect(`${open.where}: ${open.what}`).toBe(
      'Mottagningsgrupper: Mottagningsgruppen Centrum (mottagning-central) har fortfarande öppna anmälningar – vidarebefordra dem till en annan grupp innan du tar bort gruppen',
    );
    const self = swedishProblem({ path: directoryPath('directory.administrators'), message: 'x', params: { problem: 'self-removal' } }, data);
    expect(`${self.where}: ${self.what}`).toBe('Administratörer: måste fortfarande innehålla dig själv – be en annan administratör ta bort dig');
  });
});
