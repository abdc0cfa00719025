// The local HTTP server: turns each request into the API Gateway v2 event that AWS would deliver,
// calls the same handler, and writes its result back. Staff routes get the JWT claims the way API
// Gateway's JWT authorizer hands them over, from a token of the dev sign-in.
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HttpEvent } from '../core/http/event.ts';
import { defaultRoute, matchRoute, type FunctionName, type RouteDefinition } from '../core/http/routes.ts';

export type HttpHandler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface LocalRoute {
  method: string;
  path: string;
  handle: (request: IncomingMessage, body: string) => Promise<{ status: number; body: unknown; cookies?: string[] }>;
}

export interface LocalServerOptions {
  port: number;
  handlers: Partial<Record<FunctionName, HttpHandler>>;
  /** Verifies a bearer token and returns the claims, or null when it is not valid. */
  verifyToken: (token: string) => Promise<Record<string, string> | null>;
  /** Routes that exist only in local mode (dev sign-in, dev sweep). */
  devRoutes?: LocalRoute[];
  /** A rate limit checked before a route's handler (local/rate-limit.ts); over it the answer is 429 with Retry-After. */
  rateLimit?: (request: IncomingMessage, route: RouteDefinition) => { allowed: true } | { allowed: false; retryAfterSeconds: number };
  log?: (line: string) => void;
}

// Larger than any limit a handler applies (API Gateway itself allows 10 MB): the handler answers 413.
// Headers: API Gateway refuses a request whose request line and headers exceed 10 KB; so does this server (431).
export const MAX_HEADER_BYTES = 10 * 1024;
const MAX_READ_BYTES = 1024 * 1024;

export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function readBody(request: IncomingMessage): Promise<{ body: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_READ_BYTES) return { body: '', tooLarge: true };
    chunks.push(chunk as Buffer);
  }
  return { body: Buffer.concat(chunks).toString('utf8'), tooLarge: false };
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, headers);
  response.end(body);
}

export function toEvent(
  request: IncomingMessage,
  url: URL,
  body: string,
  routeKey: string,
  pathParameters: Record<string, string>,
  claims: Record<string, string> | null,
): HttpEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] ? `${query[name]},${value}` : value;
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: headers.cookie?.split(/;\s*/),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    body: body === '' ? undefined : body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { principalId: claims.sub ?? '', integrationLatency: 0, jwt: { claims, scopes: [] } } } : {}),
    },
  } as HttpEvent;
}

export function startHttpServer(options: LocalServerOptions): Promise<Server> {
  const log = options.log ?? (() => undefined);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, async (request, response) => {
    const started = Date.now();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    let status = 500;
    try {
      const { body, tooLarge } = await readBody(request);
      if (tooLarge) {
        status = 413;
        // The rest of the body was never read: the connection cannot carry another request, so say it closes.
        send(response, 413, { 'content-type': 'application/json', connection: 'close' }, JSON.stringify({ message: 'the request body is too large', errors: [{ path: '', message: 'the request body is too large' }] }));
        return;
      }
      const dev = options.devRoutes?.find((r) => r.method === method && r.path === url.pathname);
      if (dev) {
        const result = await dev.handle(request, body);
        status = result.status;
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(result.cookies ? { 'set-cookie': result.cookies } : {}) });
        response.end(JSON.stringify(result.body));
        return;
      }
      const match = matchRoute(method, url.pathname);
      const handler = match && options.handlers[match.route.function];
      if (!match || !handler) {
        // As API Gateway's `$default` route: the web function answers (the HTML 404 page, JSON under /api/).
        const fallback = options.handlers[defaultRoute.function];
        const result = fallback ? await fallback(toEvent(request, url, body, defaultRoute.routeKey, {}, null), lambdaContext(defaultRoute.function)) : null;
        const structured = result && typeof result === 'object' && 'statusCode' in result ? result : null;
        status = structured?.statusCode ?? 404;
        if (structured) {
          response.writeHead(status, { ...(structured.headers as Record<string, string> | undefined) });
          response.end(structured.body ?? '');
        } else {
          send(response, 404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'no such route', errors: [{ path: '', message: 'no such route' }] }));
        }
        return;
      }
      const limit = options.rateLimit?.(request, match.route);
      if (limit && !limit.allowed) {
        status = 429;
        const message = `too many requests from this address; please wait ${limit.retryAfterSeconds} seconds and try again (nothing was saved)`;
        send(response, 429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(limit.retryAfterSeconds) }, JSON.stringify({ message, errors: [{ path: '', message }] }));
        return;
      }
      let claims: Record<string, string> | null = null;
      if (match.route.auth === 'staff') {
        // As API Gateway's JWT authorizer: no valid token, no call to the function.
        const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
        claims = token ? await options.verifyToken(token) : null;
        if (!claims) {
          status = 401;
          send(response, 401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }, JSON.stringify({ message: 'Unauthorized', errors: [{ path: 'Authorization', message: 'sign in first' }] }));
          return;
        }
      }
      const routeKey = `${match.route.method} ${match.route.path}`;
      const event = toEvent(request, url, body, routeKey, match.pathParameters, claims);
      const result = await handler(event, lambdaContext(match.route.function));
      const structured = typeof result === 'object' && result !== null && 'statusCode' in result ? result : { statusCode: 200, body: JSON.stringify(result) };
      status = structured.statusCode ?? 200;
      const headers = { ...(structured.headers as Record<string, string> | undefined) };
      const payload = structured.isBase64Encoded ? Buffer.from(structured.body ?? '', 'base64') : (structured.body ?? '');
      response.writeHead(status, { ...headers, ...(structured.cookies ? { 'set-cookie': structured.cookies } : {}) });
      response.end(payload);
    } catch (error) {
      status = 500;
      log(`local server error: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) send(response, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'internal error', errors: [] }));
    } finally {
      log(`${method} ${url.pathname} → ${status} (${Date.now() - started} ms)`);
    }
  });
  // A request Node cannot parse (headers over MAX_HEADER_BYTES, or malformed) never reaches the handler above:
  // answer it here, with Connection: close, because the rest of that request is still on the connection.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const message = tooLarge ? `the request headers are larger than ${MAX_HEADER_BYTES / 1024} KB` : 'the request is malformed';
    const body = JSON.stringify({ message, errors: [{ path: '', message }] });
    const statusLine = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    log(`${statusLine.slice(0, 3)} before routing (${error.code ?? 'client error'})`);
    socket.end(`HTTP/1.1 ${statusLine}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
  });
}
