// The figures' rows as CSV (GET /api/stats.csv): the JSON rows' fields in the same order, an empty cell for a
// hidden small count. Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.
import type { PublicFigureRow } from '../../core/domain/figures.ts';

export const CSV_COLUMNS: ReadonlyArray<keyof PublicFigureRow> = [
  'month',
  'teamId',
  'areaId',
  'schoolId',
  'reports',
  'urgent',
  'acknowledgedInTime',
  'medianHoursToAcknowledge',
  'feedbackInTime',
  'feedbackLate',
  'forwarded',
  'openOverdue',
  'escalations',
  'consultations',
];

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function figuresCsv(rows: readonly PublicFigureRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => cell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
