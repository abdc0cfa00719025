// A urlencoded form post (the page without JavaScript) → the same nested object a JSON client sends.
// Field names are dotted paths ("reporter.email"); a name given more than once becomes a list.
// Names that clash (one name used both as a value and as a group of fields, "concern" and "concern.categories")
// never break the parse: the later field wins, so the schema then names what is wrong and the person gets the
// form again with that error.
const LIST_FIELDS = new Set(['concern.categories']);

export function formToObject(body: string, listFields: ReadonlySet<string> = LIST_FIELDS): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of listFields) setPath(result, field.split('.'), []);
  for (const [name, value] of new URLSearchParams(body)) {
    if (!/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*){0,3}$/.test(name)) continue;
    const path = name.split('.');
    const list = listFields.has(name) ? getPath(result, path) : undefined;
    if (Array.isArray(list)) list.push(value);
    else setPath(result, path, listFields.has(name) ? [value] : value);
  }
  return result;
}

function getPath(target: Record<string, unknown>, path: string[]): unknown {
  let node: unknown = target;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
