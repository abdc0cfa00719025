// The board's figures as server-rendered SVG bar charts, each with a table of the same numbers beside it (the
// table is what a screen reader reads; the chart is labelled as a picture of it). Small counts are "< 5" in both.
import { html, type SafeHtml } from '../html.ts';

export interface ChartSeries {
  name: string;
  values: Array<number | null>;
}

export interface ChartOptions {
  id: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Appended to a value's label ("%", " h"). */
  unit?: string;
  /** The axis' top (100 for shares); the largest value by default. */
  max?: number;
}

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11, graphical objects), told apart by the legend too. */
const COLOURS = ['#005a9c', '#b35900', '#2e7d32', '#6a1b9a', '#ad1457', '#37474f'];
const WIDTH = 640;
const HEIGHT = 220;
const TOP = 16;
const BOTTOM = 40;
const LEFT = 40;

export const shown = (value: number | null, unit = '') => (value === null ? '< 5' : `${value}${unit}`);

export function barChart(options: ChartOptions): SafeHtml {
  const values = options.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = options.max ?? Math.max(1, ...values);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const groupWidth = (WIDTH - LEFT) / Math.max(1, options.categories.length);
  const barWidth = Math.max(2, (groupWidth * 0.8) / Math.max(1, options.series.length));
  const bars = options.categories.map((category, i) =>
    options.series.map((series, s) => {
      const value = series.values[i] ?? null;
      const x = LEFT + i * groupWidth + groupWidth * 0.1 + s * barWidth;
      if (value === null) {
        return html`<text x="${x.toFixed(1)}" y="${HEIGHT - BOTTOM - 2}" font-size="9" fill="#4a4a4a">&lt;5</text>`;
      }
      const h = (value / max) * plotHeight;
      return html`<rect x="${x.toFixed(1)}" y="${(TOP + plotHeight - h).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[s % COLOURS.length]!}"><title>${series.name}, ${category}: ${shown(value, options.unit)}</title></rect>`;
    }),
  );
  const labels = options.categories.map(
    (category, i) => html`<text x="${(LEFT + i * groupWidth + groupWidth / 2).toFixed(1)}" y="${HEIGHT - BOTTOM + 14}" font-size="10" text-anchor="middle" fill="#1b1b1b">${category}</text>`,
  );
  const legend = options.series.length > 1
    ? options.series.map(
        (series, s) => html`<rect x="${LEFT + s * 110}" y="${HEIGHT - 14}" width="10" height="10" fill="${COLOURS[s % COLOURS.length]!}"></rect><text x="${LEFT + s * 110 + 14}" y="${HEIGHT - 5}" font-size="10" fill="#1b1b1b">${series.name}</text>`,
      )
    : '';
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${options.id}-svg-title" focusable="false">
<title id="${options.id}-svg-title">${options.title}: diagram över samma siffror som i tabellen</title>
<line x1="${LEFT}" y1="${TOP + plotHeight}" x2="${WIDTH}" y2="${TOP + plotHeight}" stroke="#4a4a4a"></line>
<text x="${LEFT - 4}" y="${TOP + 4}" font-size="10" text-anchor="end" fill="#1b1b1b">${shown(max, options.unit)}</text>
<text x="${LEFT - 4}" y="${TOP + plotHeight}" font-size="10" text-anchor="end" fill="#1b1b1b">0</text>
${bars}${labels}${legend}
</svg>`;
}

/** A table of the chart's numbers: categories as rows, series as columns. */
export function chartTable(options: ChartOptions, firstColumn: string, extra?: { heading: string; values: string[] }): SafeHtml {
  return html`<div class="table-scroll"><table>
<caption class="visually-hidden">${options.title}</caption>
<thead><tr><th scope="col">${firstColumn}</th>${options.series.map((s) => html`<th scope="col">${s.name}</th>`)}${extra ? html`<th scope="col">${extra.heading}</th>` : ''}</tr></thead>
<tbody>${options.categories.map(
    (category, i) =>
      html`<tr><th scope="row">${category}</th>${options.series.map((s) => html`<td>${shown(s.values[i] ?? null, options.unit)}</td>`)}${extra ? html`<td>${extra.values[i] ?? ''}</td>` : ''}</tr>`,
  )}</tbody>
</table></div>`;
}

/** A chart and its table, as one figure of the page. */
export function chartWithTable(options: ChartOptions, firstColumn: string, note?: string, extra?: { heading: string; values: string[] }): SafeHtml {
  return html`<section class="figure" aria-labelledby="${options.id}-title">
<h2 id="${options.id}-title">${options.title}</h2>
${note ? html`<p class="hint">${note}</p>` : ''}
<div class="figure-body">${barChart(options)}${chartTable(options, firstColumn, extra)}</div>
</section>`;
}
