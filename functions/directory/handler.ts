// The directory API for administrators: GET /api/directory, PUT /api/directory, GET /api/directory/history, and the
// admin page's shell (GET /admin).
// Thin: the verified email from the token → a use case in core/app/directory → an answer.
// A signed-in person who is not an administrator gets 403, not 404: the routes are documented and the same for
// every municipality, so hiding them hides nothing, and a 403 tells a team member plainly what is wrong
// (unlike a report id, whose existence is itself information).
import { documentClient } from '../../core/adapters/dynamodb/client.ts';
import { directoryVersions, openReportsIn } from '../../core/adapters/dynamodb/directory-versions.ts';
import { runtimeConfig } from '../../core/config/runtime.ts';
import type { DirectoryAdminDependencies } from '../../core/app/directory/current-version.ts';
import { directoryHistory, readDirectory } from '../../core/app/directory/read-directory.ts';
import { saveDirectory } from '../../core/app/directory/save-directory.ts';
import { systemClock } from '../../core/app/ports/clock.ts';
import { fileDirectorySource } from '../../core/directory/source.ts';
import { badRequest, forbidden, HttpError, notFound, unauthorized } from '../../core/http/errors.ts';
import type { HttpEvent } from '../../core/http/event.ts';
import { httpHandler, readBody } from '../../core/http/middleware.ts';
import { json, type HttpResponse } from '../../core/http/responses.ts';
import { verifiedEmail } from '../../core/identity/staff.ts';
import { logger } from '../../core/observability/logger.ts';

/** A directory of a large municipality is some tens of KB; this leaves room and stays far below an item's 400 KB once compressed. */
const MAX_BODY_BYTES = 512 * 1024;

const notAdministrator = () => forbidden('only the directory\'s administrators may read or change the directory; ask one of them to add you');

export function createDirectoryHandler(deps: () => DirectoryAdminDependencies) {
  return async (event: HttpEvent): Promise<HttpResponse> => {
    // The page holds no data (it loads it from the API below with the signed-in user's token).
    // Loaded on first use: most cold starts here serve the API the page calls, not the page.
    if (event.routeKey === 'GET /admin') return (await import('../../web/pages/admin-page.ts')).renderAdminPage();
    const email = verifiedEmail(event);
    if (!email) throw unauthorized();
    const caller = { email };
    switch (event.routeKey) {
      case 'GET /api/directory': {
        const result = await readDirectory(deps(), caller);
        if (result.kind === 'forbidden') throw notAdministrator();
        return json(200, { version: result.version, directory: result.directory }, { 'cache-control': 'no-store' });
      }
      case 'GET /api/directory/history': {
        const result = await directoryHistory(deps(), caller);
        if (result.kind === 'forbidden') throw notAdministrator();
        return json(200, { versions: result.versions }, { 'cache-control': 'no-store' });
      }
      case 'PUT /api/directory': {
        const body = readBody(event, { maxBytes: MAX_BODY_BYTES, accept: ['json'] }).value;
        const result = await saveDirectory(deps(), caller, body);
        switch (result.kind) {
          case 'forbidden':
            throw notAdministrator();
          case 'invalid':
            throw badRequest(result.errors);
          case 'stale':
            throw new HttpError(409, `the directory was saved by someone else since you opened it (it is now version ${result.currentVersion}): reload it, make your change again and save`, [
              { path: 'version', message: `is stale: the current version is ${result.currentVersion}` },
            ]);
          case 'open-reports':
            throw new HttpError(409, 'a team you removed still has open reports', result.errors);
          case 'saved':
            logger.info('directory saved', { version: result.version });
            return json(200, { version: result.version });
        }
      }
      // falls through: the switch above returns or throws for every result
      default:
        throw notFound();
    }
  };
}

const defaults = (): DirectoryAdminDependencies => ({
  versions: directoryVersions(),
  seed: fileDirectorySource(),
  openReports: openReportsIn({ client: documentClient(), tableName: runtimeConfig().TABLE_NAME }),
  now: () => systemClock.now(),
});

export function buildDirectoryHandler(deps: () => DirectoryAdminDependencies = defaults) {
  return httpHandler(createDirectoryHandler(deps));
}

export const handler = buildDirectoryHandler();
