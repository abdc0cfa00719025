// The guard of the portal's cookie routes (/auth/*) beyond SameSite=Strict, and which origins count as the portal's.
import { runtimeConfig } from '../config/runtime.ts';
import { HttpError, unsupportedMediaType } from './errors.ts';
import { header, type HttpEvent } from './event.ts';

export interface CrossSiteOptions {
  /** Origins a browser may call these routes from: the public URL's (and, locally, the page's own host). */
  allowedOrigins: (event: HttpEvent) => string[];
}

/**
 * Beyond SameSite=Strict: a JSON content type (a cross-site form cannot send one, and a cross-site script needs a
 * CORS preflight this API never grants) and, when the browser names one, an Origin of this site.
 */
export function guardCrossSite(event: HttpEvent, options: CrossSiteOptions): void {
  const contentType = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json') throw unsupportedMediaType(['application/json']);
  const origin = header(event, 'origin');
  if (origin !== undefined && !options.allowedOrigins(event).includes(origin)) {
    throw new HttpError(403, 'this request must come from the portal itself', [{ path: 'Origin', message: 'must be the portal’s own address' }]);
  }
}

/** The public URL's origin; in local mode the page's own host as well (tests open 127.0.0.1, PUBLIC_URL says localhost). */
export function portalOrigins(event: HttpEvent): string[] {
  const config = runtimeConfig();
  const origins = [new URL(config.PUBLIC_URL).origin];
  const host = header(event, 'host');
  if (config.LOCAL_MODE === 'true' && host) origins.push(`http://${host}`);
  return origins;
}

