// What the directory editor shows (web/client/admin.ts renders it): each section of the directory with its fields'
// labels (Swedish, as the portal), in the order an administrator works through them. The keys are the directory's
// own (core/directory/directory.ts), so a field's id is its data path and an error path finds its field.
export interface Field {
  key: string;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'time' | 'lines';
  help?: string;
  optional?: boolean;
}
export interface Group {
  key: string;
  label: string;
  /** A list of items (each a fieldset), a single object, or one field. */
  kind: 'list' | 'object';
  /** For lists: what one item is called ("skola"), and which field names it in its legend. */
  item?: string;
  nameKey?: string;
  fields: Array<Field | Group>;
}

const person = (key: string, label: string): Group => ({ key, label, kind: 'object', fields: [{ key: 'name', label: 'Namn' }, { key: 'email', label: 'E-post', type: 'email' }] });
const people = (key: string, label: string, item: string): Group => ({ key, label, kind: 'list', item, nameKey: 'name', fields: [{ key: 'name', label: 'Namn' }, { key: 'email', label: 'E-post', type: 'email' }] });

export const LAYOUT: Group[] = [
  {
    key: 'municipality', label: 'Kommunen', kind: 'object', fields: [
      { key: 'name', label: 'Namn' },
      { key: 'schoolEmailDomains', label: 'Skolornas e-postdomäner', type: 'lines', help: 'En domän per rad, t.ex. skola.kommun.se. Bara exakt dessa domäner räknas (inga underdomäner).' },
      { key: 'excludedEmailDomains', label: 'Elevernas domäner (aldrig betrodda)', type: 'lines', help: 'En domän per rad.' },
    ],
  },
  { key: 'boards', label: 'Nämnder', kind: 'list', item: 'nämnd', nameKey: 'name', fields: [{ key: 'id', label: 'Id' }, { key: 'name', label: 'Namn' }] },
  {
    key: 'teams', label: 'Mottagningsgrupper', kind: 'list', item: 'mottagningsgrupp', nameKey: 'name', fields: [
      { key: 'id', label: 'Id', help: 'Små bokstäver, siffror och bindestreck.' },
      { key: 'name', label: 'Namn' },
      { key: 'boardId', label: 'Nämndens id' },
      { key: 'email', label: 'Gruppens funktionsadress', type: 'email' },
      { key: 'phone', label: 'Gruppens telefon (visas i formuläret)', type: 'tel' },
      person('lead', 'Teamledare'),
      people('contacts', 'Kontaktpersoner', 'kontaktperson'),
      { key: 'officeHours', label: 'Kontorstid', kind: 'object', fields: [
        { key: 'opens', label: 'Öppnar', type: 'time', optional: true, help: 'Tomt: 08:00–17:00.' },
        { key: 'closes', label: 'Stänger', type: 'time', optional: true },
      ] },
    ],
  },
  { key: 'areas', label: 'Områden', kind: 'list', item: 'område', nameKey: 'name', fields: [{ key: 'id', label: 'Id' }, { key: 'name', label: 'Namn' }, { key: 'teamId', label: 'Mottagningsgruppens id' }] },
  {
    key: 'schools', label: 'Skolor', kind: 'list', item: 'skola', nameKey: 'name', fields: [
      { key: 'id', label: 'Id' },
      { key: 'name', label: 'Namn' },
      { key: 'areaId', label: 'Områdets id' },
      { key: 'namedContact', label: 'Namngiven kontakt (e-post)', type: 'email', help: 'En kontaktperson eller teamledaren i gruppen som har skolans område.' },
      { key: 'emailDomains', label: 'Egna e-postdomäner (fristående skola)', type: 'lines', optional: true, help: 'En domän per rad; tomt för kommunens skolor.' },
    ],
  },
  {
    key: 'outOfHours', label: 'Socialjouren', kind: 'object', fields: [
      { key: 'name', label: 'Namn' },
      { key: 'phone', label: 'Telefon', type: 'tel' },
      { key: 'email', label: 'E-post', type: 'email' },
      person('onCallLead', 'Beredskapsledare'),
      people('staff', 'Personal', 'person'),
    ],
  },
  { key: 'general', label: 'Övrigt', kind: 'object', fields: [{ key: 'fallbackTeamId', label: 'Grupp för okända skolor (id)' }] },
  people('administrators', 'Administratörer', 'administratör'),
];
