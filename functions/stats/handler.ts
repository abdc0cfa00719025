// The figures for leads and administrators: GET /api/stats (JSON rows), GET /api/stats.csv (the same rows),
// GET /api/stats.html (the page's charts and tables, rendered here) and the page's shell, GET /stats.
// Thin: the verified email and the months → the read-figures use case → an answer. Reads only FIGURES# items.
import { documentClient } from '../../core/adapters/dynamodb/client.ts';
import { DynamoFiguresStore } from '../../core/adapters/dynamodb/figures-store.ts';
import { readFigures, type ReadFiguresDependencies } from '../../core/app/figures/read-figures.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import { runtimeConfig } from '../../core/config/runtime.ts';
import { directorySource } from '../../core/directory/source.ts';
import { monthOf, MONTH_PATTERN } from '../../core/domain/figures.ts';
import { forbidden, notFound, unauthorized } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler } from '../../core/http/middleware.ts';
import { html, json, type HttpResponse } from '../../core/http/responses.ts';
import { verifiedEmail } from '../../core/identity/staff.ts';
import { logger } from '../../core/observability/logger.ts';
import { figuresCsv } from './csv.ts';

const notLeadOrAdministrator = () => forbidden("only a team's lead or one of the directory's administrators may read the figures");

/** The page's default period: the last twelve months, this one included. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const to = monthOf(now);
  const [year, month] = to.split('-').map(Number) as [number, number];
  const first = year * 12 + (month - 1) - 11;
  return { from: `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}`, to };
}

export function createStatsHandler(deps: () => ReadFiguresDependencies) {
  return async (event: HttpEvent): Promise<HttpResponse> => {
    const query = { from: event.queryStringParameters?.from, to: event.queryStringParameters?.to };
    if (event.routeKey === 'GET /stats') {
      const fallback = defaultPeriod(systemClock.now());
      const valid = (v: string | undefined) => (v && MONTH_PATTERN.test(v) ? v : undefined);
      // The page's modules are imported on first use, not at cold start (as the portal's and the admin page's).
      const { renderStatsPage } = await import('../../web/pages/stats-page.ts');
      return renderStatsPage({ from: valid(query.from) ?? fallback.from, to: valid(query.to) ?? fallback.to });
    }
    const email = verifiedEmail(event);
    if (!email) throw unauthorized();
    const result = await readFigures(deps(), { email }, query);
    if (result.kind === 'forbidden') throw notLeadOrAdministrator();
    logger.info('figures read', { months: result.months.length, rows: result.rows.length, readUnits: result.consumedCapacity });
    switch (event.routeKey) {
      case 'GET /api/stats':
        return json(200, { rows: result.rows });
      case 'GET /api/stats.csv':
        return {
          statusCode: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="figures-${result.query.from}-${result.query.to}.csv"`,
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          },
          body: figuresCsv(result.rows),
        };
      case 'GET /api/stats.html': {
        const [{ renderFigures }, { boardSummary }] = await Promise.all([import('../../web/pages/stats-page.ts'), import('../../core/domain/figures-summary.ts')]);
        const directory = await deps().directory.current();
        const body = renderFigures(boardSummary(result.raw, result.months), directory, result.access);
        return html(200, body.value);
      }
      default:
        throw notFound();
    }
  };
}

const defaults = (): ReadFiguresDependencies => ({
  figures: new DynamoFiguresStore({ client: documentClient(), tableName: runtimeConfig().TABLE_NAME }),
  directory: directorySource(),
});

export const handler = httpHandler(createStatsHandler(defaults));
