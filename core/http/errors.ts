// Errors a caller can act on, each with its HTTP status. Thrown anywhere, answered by the httpErrors middleware.
import { fieldErrors, type FieldError } from '../app/errors.ts';

export { fieldErrors, type FieldError };

export class HttpError extends Error {
  readonly status: number;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, errors: FieldError[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.errors = errors.length ? errors : [{ path: '', message }];
    this.headers = headers;
  }
}

export const badRequest = (errors: FieldError[]) => new HttpError(400, 'the request has invalid fields', errors);
export const unauthorized = () => new HttpError(401, 'sign in first', [], { 'www-authenticate': 'Bearer' });
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (what = 'no such page') => new HttpError(404, what);
export const conflict = (message: string) => new HttpError(409, message);
export const payloadTooLarge = (limit: number) =>
  new HttpError(413, `the request body is larger than the limit of ${limit} bytes`);
export const unsupportedMediaType = (accepted: string[]) =>
  new HttpError(415, `the content type must be one of: ${accepted.join(', ')}`, [
    { path: 'Content-Type', message: `must be one of: ${accepted.join(', ')}` },
  ]);
export const serviceUnavailable = (retryAfterSeconds = 5) =>
  new HttpError(503, 'the service is briefly unavailable; nothing was saved, please try again', [], {
    'retry-after': String(retryAfterSeconds),
  });
