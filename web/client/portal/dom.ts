// Small DOM helpers that write text only (textContent, attributes), never HTML.
import { formatLocal } from '../../format.ts';

export type Child = Node | string | null | undefined | false;
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}
export const when = (iso: string | null | undefined) => (iso ? formatLocal(iso, 'sv') : '–');
export function timeEl(iso: string): HTMLTimeElement {
  return el('time', { datetime: iso }, formatLocal(iso, 'sv'));
}
export function facts(rows: Array<[string, Child | Child[]]>): HTMLDListElement {
  const list = el('dl', { class: 'facts' });
  for (const [term, value] of rows) {
    const dd = el('dd');
    for (const part of Array.isArray(value) ? value : [value]) if (part) dd.append(part);
    if (!dd.childNodes.length) dd.append('–');
    list.append(el('div', {}, el('dt', {}, term), dd));
  }
  return list;
}
export function badge(text: string, kind: string): HTMLElement {
  return el('span', { class: `badge badge-${kind}` }, text);
}

