// A urlencoded form post (the page without JavaScript) → the same nested object a JSON client sends.
// Field names are dotted paths ("reporter.email"); a name given more than once becomes a list.
const LIST_FIELDS = new Set(['concern.categories']);

export function formToObject(body: string, listFields: ReadonlySet<string> = LIST_FIELDS): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of listFields) setPath(result, field.split('.'), []);
  for (const [name, value] of new URLSearchParams(body)) {
    if (!/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*){0,3}$/.test(name)) continue;
    const path = name.split('.');
    if (listFields.has(name)) (getPath(result, path) as unknown[]).push(value);
    else setPath(result, path, value);
  }
  return result;
}

function getPath(target: Record<string, unknown>, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], target);
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
