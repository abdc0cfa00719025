// The directory editor (GET /admin). Loads {version, directory} with the portal's token, renders every section as
// plain labelled fields (ids derived from the data path, so an error path from the API lands next to its field),
// checks with the same zod schema as the server, saves with PUT, and imports and exports the JSON file format.
// The data lives in `state`; the fields write into it as the user types; adding or removing an item renders again.
import { directorySchema, type Directory } from '../../core/directory/directory.ts';
import { LAYOUT, type Field, type Group } from './admin-layout.ts';
import { directoryPath, swedishProblem, type DirectoryProblem } from './admin-problems.ts';

type Path = (string | number)[];
type Json = Record<string, unknown>;

const TOKEN_KEY = 'portal-token';
const fieldId = (path: Path) => `d-${path.join('-')}`;
const isGroup = (f: Field | Group): f is Group => 'kind' in f;

let state: Json = {};
let version = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function at(path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Json | undefined)?.[key as string], state);
}
function setAt(path: Path, value: unknown): void {
  let node = state as Json;
  path.slice(0, -1).forEach((key, i) => {
    if (typeof node[key as string] !== 'object' || node[key as string] === null) node[key as string] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key as string] as Json;
  });
  const last = path[path.length - 1] as string;
  if (value !== undefined) {
    node[last] = value;
    return;
  }
  delete node[last];
  // An optional object left empty (office hours with both times cleared) is no object at all.
  if (Object.keys(node).length === 0 && !Array.isArray(node) && path.length > 1) setAt(path.slice(0, -1), undefined);
}
/** The "general" group holds top-level scalars: its fields live at the root. */
const dataPath = (path: Path) => (path[0] === 'general' ? path.slice(1) : path);

function renderField(field: Field, path: Path): HTMLElement {
  const id = fieldId(dataPath(path));
  const value = at(dataPath(path));
  const describedBy = [field.help ? `${id}-help` : '', `${id}-error`].filter(Boolean).join(' ');
  const common = { id, name: id, 'aria-describedby': describedBy };
  let control: HTMLInputElement | HTMLTextAreaElement;
  if (field.type === 'lines') {
    control = el('textarea', { ...common, rows: '3' });
    control.value = Array.isArray(value) ? value.join('\n') : '';
    control.addEventListener('input', () => {
      const lines = control.value.split('\n').map((l) => l.trim()).filter(Boolean);
      setAt(dataPath(path), field.optional && lines.length === 0 ? undefined : lines);
    });
  } else {
    control = el('input', { ...common, type: field.type ?? 'text', autocomplete: 'off' });
    control.value = typeof value === 'string' ? value : '';
    control.addEventListener('input', () => setAt(dataPath(path), control.value === '' && field.optional ? undefined : control.value));
  }
  return el('div', { class: 'field', 'data-field': id },
    el('label', { for: id }, field.label),
    ...(field.help ? [el('p', { class: 'help', id: `${id}-help` }, field.help)] : []),
    el('p', { class: 'error', id: `${id}-error`, hidden: '' }),
    control);
}

/** The id of a group's box: its data path, except for "general", whose fields sit at the root of the data. */
const groupId = (here: Path) => (here.length === 1 && here[0] === 'general' ? 'd-general' : fieldId(dataPath(here)));

function renderGroup(group: Group, path: Path, level: number): HTMLElement {
  const here = [...path, group.key];
  const id = groupId(here);
  const heading = level === 2 ? el('h2', { id: `${id}-title`, tabindex: '-1' }, group.label) : el('legend', {}, group.label);
  const box =
    level === 2
      ? el('section', { class: 'section', id, 'aria-labelledby': `${id}-title` }, heading)
      : el('fieldset', { class: 'field', id }, heading);
  box.append(el('p', { class: 'error', id: `${id}-error`, hidden: '' }));
  if (group.kind === 'object') {
    for (const f of group.fields) box.append(isGroup(f) ? renderGroup(f, here, level + 1) : renderField(f, [...here, f.key]));
    return box;
  }
  const items = (Array.isArray(at(dataPath(here))) ? at(dataPath(here)) : []) as Json[];
  items.forEach((item, index) => {
    const itemPath = [...here, index];
    const named = String(item[group.nameKey ?? 'name'] ?? '') || `${group.item} ${index + 1}`;
    const fieldset = el('fieldset', { class: 'field', id: fieldId(dataPath(itemPath)) }, el('legend', {}, `${capital(group.item!)} ${index + 1}: ${named}`));
    fieldset.append(el('p', { class: 'error', id: `${fieldId(dataPath(itemPath))}-error`, hidden: '' }));
    for (const f of group.fields) fieldset.append(isGroup(f) ? renderGroup(f, itemPath, level + 1) : renderField(f, [...itemPath, f.key]));
    const remove = el('button', { type: 'button', class: 'danger' }, `Ta bort ${group.item} ${named}`);
    remove.addEventListener('click', () => {
      items.splice(index, 1);
      rerender(`${id}-add`);
    });
    fieldset.append(el('div', { class: 'actions' }, remove));
    box.append(fieldset);
  });
  const add = el('button', { type: 'button', class: 'secondary', id: `${id}-add` }, `Lägg till ${group.item}`);
  add.addEventListener('click', () => {
    items.push({});
    setAt(dataPath(here), items);
    rerender(fieldId([...dataPath(here), items.length - 1, group.fields[0]!.key]));
  });
  box.append(el('div', { class: 'actions' }, add));
  return box;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function rerender(focusId?: string): void {
  const sections = document.getElementById('directory-sections')!;
  // A long page: a list of its sections first, so a keyboard or screen-reader user can go straight to one.
  const contents = el('nav', { 'aria-label': 'Katalogens delar' },
    el('ul', { class: 'filters' }, ...LAYOUT.map((group) => el('li', {}, el('a', { href: `#${groupId([group.key])}-title` }, group.label)))));
  sections.replaceChildren(contents, ...LAYOUT.map((group) => renderGroup(group, [], 2)));
  if (focusId) document.getElementById(focusId)?.focus();
}

// ---------- errors ----------
/** An entry of the API's `errors` (path in the body, English message, and for some the params to word it). */
interface ApiProblem {
  path: string;
  message: string;
  params?: DirectoryProblem['params'];
}

/** The element an error belongs next to: the deepest field or group whose id the path starts with. */
function placeOf(path: (string | number)[]): HTMLElement | null {
  for (let n = path.length; n > 0; n--) {
    const target = document.getElementById(fieldId(path.slice(0, n)));
    if (target) return target;
  }
  return null;
}

/** Shows each problem in Swedish next to its field and in a summary at the top that links to it. */
function showProblems(problems: DirectoryProblem[]): void {
  for (const old of document.querySelectorAll<HTMLElement>('#directory-form .error')) {
    old.hidden = true;
    old.textContent = '';
  }
  for (const old of document.querySelectorAll('[aria-invalid]')) old.removeAttribute('aria-invalid');
  const slot = document.getElementById('error-summary-slot')!;
  slot.replaceChildren();
  if (problems.length === 0) return;
  const list = el('ul');
  for (const problem of problems) {
    const { where, what } = swedishProblem(problem, state);
    const text = `${where}: ${what}`;
    const target = placeOf(problem.path);
    if (target) {
      const error = document.getElementById(`${target.id}-error`);
      if (error) {
        error.hidden = false;
        error.textContent = error.textContent ? `${error.textContent} ${capital(what)}.` : `Fel: ${capital(what)}.`;
      }
      if (target.matches('input, textarea')) target.setAttribute('aria-invalid', 'true');
      list.append(el('li', {}, el('a', { href: `#${target.id}` }, text)));
    } else {
      list.append(el('li', {}, text));
    }
  }
  const summary = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1', id: 'error-summary' }, el('h2', {}, 'Katalogen sparades inte. Rätta detta:'), list);
  slot.append(summary);
  summary.focus();
}

const fromApi = (problems: ApiProblem[]): DirectoryProblem[] => problems.map((p) => ({ ...p, path: directoryPath(p.path) }));

// ---------- talking to the API ----------
function token(): string | null {
  const value = sessionStorage.getItem(TOKEN_KEY);
  if (!value) return null;
  try {
    const claims = JSON.parse(atob(value.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    if (claims.exp && claims.exp * 1000 < Date.now()) return null;
  } catch {
    return null;
  }
  return value;
}

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

function say(text: string): void {
  document.getElementById('admin-status')!.textContent = text;
}
function problem(text: string | null): void {
  const box = document.getElementById('admin-problem')!;
  box.hidden = text === null;
  box.textContent = text ?? '';
  if (text) box.focus();
}

async function loadHistory(): Promise<void> {
  const { status, json } = await api('GET', '/api/directory/history');
  if (status !== 200) return;
  const list = document.querySelector('[data-history]')!;
  list.replaceChildren(
    ...(json.versions as Array<{ version: number; savedAt: string; savedBy: string; changes: { added: string[]; removed: string[]; changed: string[] } }>).map((v) => {
      const what = [
        v.changes.added.length ? `tillagt: ${v.changes.added.join(', ')}` : '',
        v.changes.removed.length ? `borttaget: ${v.changes.removed.join(', ')}` : '',
        v.changes.changed.length ? `ändrat: ${v.changes.changed.join(', ')}` : '',
      ].filter(Boolean).join('; ');
      return el('li', {}, `Version ${v.version}, ${new Date(v.savedAt).toLocaleString('sv-SE')}, ${v.savedBy}${what ? ` – ${what}` : ''}`);
    }),
  );
  document.getElementById('directory-history')!.hidden = false;
}

async function load(): Promise<void> {
  if (!token()) {
    document.getElementById('admin-sign-in')!.hidden = false;
    return;
  }
  const { status, json } = await api('GET', '/api/directory');
  if (status === 401) {
    document.getElementById('admin-sign-in')!.hidden = false;
    return;
  }
  if (status !== 200) {
    problem(json?.message ?? `Katalogen kunde inte läsas (${status}).`);
    return;
  }
  version = json.version;
  state = json.directory;
  document.getElementById('directory-form')!.hidden = false;
  rerender();
  say(`Version ${version} är laddad.`);
  await loadHistory();
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  problem(null);
  // The same schema as the server: most mistakes are shown before anything is sent.
  const checked = directorySchema.safeParse(state);
  if (!checked.success) {
    showProblems(checked.error.issues as DirectoryProblem[]);
    return;
  }
  say('Sparar…');
  const { status, json } = await api('PUT', '/api/directory', { version, directory: state });
  if (status === 200) {
    version = json.version;
    showProblems([]);
    say(`Sparat som version ${version}. Ändringen gäller i hela systemet inom en minut.`);
    await loadHistory();
    return;
  }
  say('');
  if (status === 400) showProblems(fromApi(json.errors));
  else if (status === 409 && json.errors.some((e: ApiProblem) => e.path === 'version')) {
    problem('Någon annan har sparat katalogen sedan du öppnade den. Exportera gärna dina ändringar, ladda om sidan, gör om ändringen och spara igen.');
  } else if (status === 409) showProblems(fromApi(json.errors));
  else problem(json?.message ?? `Katalogen kunde inte sparas (${status}). Försök igen.`);
}

function exportFile(): void {
  const blob = new Blob([`${JSON.stringify(state, null, 2)}\n`], { type: 'application/json' });
  const link = el('a', { href: URL.createObjectURL(blob), download: 'directory.json' });
  document.body.append(link);
  link.click();
  link.remove();
}

async function importFile(file: File): Promise<void> {
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    problem(`${file.name} är inte en JSON-fil.`);
    return;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problem(`${file.name} innehåller ingen katalog.`);
    return;
  }
  problem(null);
  state = data as Json;
  rerender();
  const checked = directorySchema.safeParse(state);
  showProblems(checked.success ? [] : (checked.error.issues as DirectoryProblem[]));
  say(`${file.name} är inläst. Granska och spara för att den ska gälla.`);
}

const form = document.getElementById('directory-form') as HTMLFormElement | null;
if (form) {
  form.addEventListener('submit', (event) => void save(event));
  form.querySelector('[data-export]')!.addEventListener('click', exportFile);
  const input = document.getElementById('directory-import') as HTMLInputElement;
  form.querySelector('[data-import]')!.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void importFile(file);
    input.value = '';
  });
  void load();
}

export type { Directory };
