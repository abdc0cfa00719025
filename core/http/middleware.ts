// The one middleware stack of the HTTP functions (httpHandler), and its parts: request logging, the error
// answer, the path guard, body parsing. Handlers only translate: they call a use case and return a response,
// and let its errors (core/app/errors.ts) and a storage outage surface here.
import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, StorageUnavailableError } from '../app/errors.ts';
import { errorSummary } from '../observability/error-summary.ts';
import { logger } from '../observability/logger.ts';
import { HttpError, payloadTooLarge, serviceUnavailable, unsupportedMediaType, badRequest, forbidden, notFound } from './errors.ts';
import { header, type HttpEvent, type ParsedBody, type ParsedHttpEvent } from './event.ts';
import { formToObject } from './form-data.ts';
import { json, type HttpResponse } from './responses.ts';

const CONTENT_TYPES = { json: 'application/json', form: 'application/x-www-form-urlencoded' } as const;

export interface ParseBodyOptions {
  maxBytes: number;
  accept: Array<keyof typeof CONTENT_TYPES>;
}

/** Checks content type and size, then parses JSON or a urlencoded form. */
export function readBody(event: HttpEvent, options: ParseBodyOptions): ParsedBody {
  const accepted = options.accept.map((kind) => CONTENT_TYPES[kind]);
  const contentType = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const kind = options.accept.find((k) => CONTENT_TYPES[k] === contentType);
  if (!kind) throw unsupportedMediaType(accepted);
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > options.maxBytes) throw payloadTooLarge(options.maxBytes);
  const text = bytes.toString('utf8');
  if (kind === 'form') return { kind, value: formToObject(text) };
  try {
    return { kind, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw badRequest([{ path: '', message: `the body is not valid JSON (${(error as Error).message})` }]);
  }
}

/** middy middleware: readBody into `event.parsedBody` before the handler runs. */
export function parseBody(options: ParseBodyOptions): MiddlewareObj<ParsedHttpEvent, HttpResponse> {
  return {
    before: async (request) => {
      request.event.parsedBody = readBody(request.event, options);
    },
  };
}

/** The HTTP answer for a use case's error (core/app/errors.ts); undefined for anything else. */
export function httpErrorOf(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof NotFoundError) return notFound(error.message);
  if (error instanceof ConflictError) return new HttpError(409, error.message);
  if (error instanceof ForbiddenError) return forbidden(error.message);
  if (error instanceof InvalidInputError) return badRequest(error.errors);
  return undefined;
}

/**
 * The one place errors become answers: HttpError and the use cases' errors with their status, a storage outage
 * as 503 with Retry-After, anything else as 500.
 */
export function httpErrors(): MiddlewareObj<HttpEvent, HttpResponse> {
  return {
    onError: async (request) => {
      const error = request.error;
      const known = httpErrorOf(error);
      if (known) {
        request.response = json(known.status, { message: known.message, errors: known.errors }, known.headers);
        return;
      }
      if (error instanceof StorageUnavailableError) {
        logger.warn('storage unavailable', { error: errorSummary(error.cause) });
        const unavailable = serviceUnavailable();
        request.response = json(503, { message: unavailable.message, errors: unavailable.errors }, unavailable.headers);
        return;
      }
      logger.error('unexpected error', { error: errorSummary(error) });
      request.response = json(500, { message: 'something went wrong on our side; nothing was saved', errors: [] });
    },
  };
}

/**
 * Structured request logging with Powertools' own middleware: every log line of a request carries the Lambda
 * context, its correlation id (API Gateway's request id) and route, and the keys are reset when the request
 * ends, so nothing of one request is logged with the next. Ids only: never the body, headers or path values.
 * Use it first, so errors are logged with the id.
 */
export function requestLogging(): MiddlewareObj<HttpEvent, HttpResponse>[] {
  return [
    injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj<HttpEvent, HttpResponse>,
    {
      // Set directly rather than by Powertools' correlationIdPath, which needs a JMESPath package for one lookup.
      before: async (request) => {
        logger.setCorrelationId(request.event.requestContext?.requestId ?? request.context?.awsRequestId);
        logger.appendKeys({ route: request.event.routeKey });
      },
    },
  ];
}

/**
 * A path parameter is one segment of an id or a token: one that decodes to a path (a slash, a backslash, a dot
 * segment), holds control characters or is absurdly long names no page or report, so the answer is 404 before any
 * handler or storage sees it.
 */
export function pathParameterGuard<E extends HttpEvent = HttpEvent>(maxLength = 512, notFoundPage?: (event: E) => HttpResponse | undefined): MiddlewareObj<E, HttpResponse> {
  return {
    before: async (request) => {
      for (const value of Object.values(request.event.pathParameters ?? {})) {
        if (value === undefined) continue;
        if (value.length > maxLength || value === '.' || value === '..' || /[/\\\u0000-\u001f\u007f]/.test(value)) {
          // A page route answers its HTML 404 page, as for a link that opens nothing; returning ends the request here.
          const page = notFoundPage?.(request.event);
          if (page) return page;
          throw notFound();
        }
      }
      return undefined;
    },
  };
}

export interface HttpHandlerOptions<E extends HttpEvent = HttpEvent> {
  /** Parse and check the body before the handler (into `event.parsedBody`). */
  body?: ParseBodyOptions;
  /**
   * The HTML 404 page for a page route whose path parameter the guard refuses (undefined for the API routes, which
   * answer JSON): the same answer the handler gives a link that opens nothing.
   */
  notFoundPage?: (event: E) => HttpResponse | undefined;
}

/** An HTTP function's handler inside the one middleware stack: logging, error answers, path guard, body. */
export function httpHandler<E extends HttpEvent>(handler: (event: E) => Promise<HttpResponse>, options: HttpHandlerOptions<E> = {}) {
  const stack = middy<E, HttpResponse>()
    .use(requestLogging() as MiddlewareObj<E, HttpResponse>[])
    .use(httpErrors() as MiddlewareObj<E, HttpResponse>)
    .use(pathParameterGuard<E>(undefined, options.notFoundPage));
  if (options.body) stack.use(parseBody(options.body) as unknown as MiddlewareObj<E, HttpResponse>);
  return stack.handler(handler);
}
