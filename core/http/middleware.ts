// middy middlewares shared by the HTTP handlers: body parsing and the error answer.
// Handlers stay business code: they throw HttpError (or let a storage outage surface) and return responses.
import type { MiddlewareObj } from '@middy/core';
import { StorageUnavailableError } from '../adapters/dynamodb/errors.ts';
import { logger } from '../observability/logger.ts';
import { HttpError, payloadTooLarge, serviceUnavailable, unsupportedMediaType, badRequest, notFound } from './errors.ts';
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

/** Turns thrown errors into answers: HttpError as is, a storage outage as 503, anything else as 500. */
export function httpErrors(): MiddlewareObj<HttpEvent, HttpResponse> {
  return {
    onError: async (request) => {
      const error = request.error;
      if (error instanceof HttpError) {
        request.response = json(error.status, { message: error.message, errors: error.errors }, error.headers);
        return;
      }
      if (error instanceof StorageUnavailableError) {
        logger.warn('storage unavailable', { error: errorName(error.cause) });
        const unavailable = serviceUnavailable();
        request.response = json(503, { message: unavailable.message, errors: unavailable.errors }, unavailable.headers);
        return;
      }
      logger.error('unexpected error', { error: errorName(error) });
      request.response = json(500, { message: 'something went wrong on our side; nothing was saved', errors: [] });
    },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error);
}

/**
 * Structured request logging: every log line of a request carries its correlation id (API Gateway's request
 * id) and route, and the keys are cleared when the request ends, so nothing of one request is logged with
 * the next. Ids only: never the body, headers or path values. Use it first, so errors are logged with the id.
 */
export function requestLogging(): MiddlewareObj<HttpEvent, HttpResponse> {
  const clear = async () => {
    logger.resetKeys();
  };
  return {
    before: async (request) => {
      const { requestContext, routeKey } = request.event;
      if (request.context?.functionName) logger.addContext(request.context);
      logger.setCorrelationId(requestContext?.requestId ?? request.context?.awsRequestId);
      logger.appendKeys({ route: routeKey });
    },
    after: clear,
    onError: clear,
  };
}

/**
 * A path parameter is one segment of an id or a token: one that decodes to a path (a slash, a backslash, a dot
 * segment), holds control characters or is absurdly long names no page or report, so the answer is 404 before any
 * handler or storage sees it.
 */
export function pathParameterGuard(maxLength = 512): MiddlewareObj<HttpEvent, HttpResponse> {
  return {
    before: async (request) => {
      for (const value of Object.values(request.event.pathParameters ?? {})) {
        if (value === undefined) continue;
        if (value.length > maxLength || value === '.' || value === '..' || /[/\\\u0000-\u001f\u007f]/.test(value)) {
          throw notFound();
        }
      }
    },
  };
}
