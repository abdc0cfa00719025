// A plain-text table: the first column left-aligned, the others right-aligned (or all left-aligned, for text).
export function table(headers: string[], rows: Array<Array<string | number>>, align: 'numbers' | 'text' = 'numbers'): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? format(cell) : cell)))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 || align === 'text' ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Numbers with thin grouping for thousands (100 000) and at most the digits they came with. */
export function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = String(value).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return fraction ? `${grouped}.${fraction}` : grouped;
}
