// The application half of the local stack: the table, the HTTP server over the real handlers, the stream
// poller feeding notify, and the reminder timer. Backing services (DynamoDB Local, SES) are started apart
// (services.ts) so tests can share them and give each test file its own table.
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionEnvironment, resetRuntimeConfig, runtimeConfig } from '../core/config/runtime.ts';
import { createTable } from './dynamodb.ts';
import { verifyDevToken } from './dev-auth.ts';
import { DevIdentityProvider } from './dev-identity.ts';
import { sessionCookie } from '../core/http/session-cookie.ts';
import { lambdaContext, startHttpServer, type HttpHandler, type LocalRoute } from './http-server.ts';
import { submitThrottle, type Throttle } from '../core/http/throttling.ts';
import { submitRateLimit } from './rate-limit.ts';
import { moveClock } from './dev-clock.ts';
import { systemClock } from '../core/app/ports/clock.ts';

export const PROJECT_ROOT = join(fileURLToPath(import.meta.url), '..', '..');
export const SAMPLE_DIRECTORY = join(PROJECT_ROOT, 'directory', 'sample.json');

export interface AppOptions {
  port: number;
  dynamoEndpoint: string;
  sesEndpoint: string;
  tableName?: string;
  directoryFile?: string;
  log?: (line: string) => void;
  /** How often the reminder sweep runs on its own; 0 turns the timer off (tests sweep by hand). Default 5 min. */
  sweepIntervalMs?: number;
  /** Per-client limit on the submit route, as in AWS (core/http/throttling.ts, the default); false turns it off. */
  rateLimit?: Throttle | false;
  /** How old the functions' copy of the directory may get (DIRECTORY_MAX_AGE_SECONDS; 60 as in AWS by default). */
  directoryMaxAgeSeconds?: number;
  /** The HMAC key of the earlier-reports index (CHILD_MATCH_SECRET); without it notify indexes nothing. */
  childMatchSecret?: string;
}

export interface LocalApp {
  url: string;
  tableName: string;
  stop: () => Promise<void>;
}

export async function startApp(options: AppOptions): Promise<LocalApp> {
  const tableName = options.tableName ?? 'concern-intake-reports';
  const url = `http://127.0.0.1:${options.port}`;
  // The handlers read their settings from the environment, as in Lambda: set it before loading them.
  Object.assign(process.env, {
    ...functionEnvironment({
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: options.dynamoEndpoint,
      SES_ENDPOINT: options.sesEndpoint,
      DIRECTORY_FILE: options.directoryFile ?? SAMPLE_DIRECTORY,
      ...(options.directoryMaxAgeSeconds !== undefined ? { DIRECTORY_MAX_AGE_SECONDS: String(options.directoryMaxAgeSeconds) } : {}),
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${options.port}`,
      LOCAL_MODE: 'true',
      CHILD_MATCH_SECRET: options.childMatchSecret,
    }),
    // The SDK's own variables, not ours: DynamoDB Local and the local SES accept any credentials.
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
  });
  // A setting read before (another app in this process, a test's import) must not stick: read them again.
  resetRuntimeConfig();
  await createTable(options.dynamoEndpoint, tableName);

  const [{ handler: web }, { handler: submit }, { handler: cases }, { handler: status }, { handler: directoryAdmin }, reminders, { seedLocalDirectory }, { directorySource }, { handler: stats }] =
    await Promise.all([
      import('../functions/web/handler.ts'),
      import('../functions/submit/handler.ts'),
      import('../functions/cases/handler.ts'),
      import('../functions/status/handler.ts'),
      import('../functions/directory/handler.ts'),
      import('../functions/reminders/handler.ts'),
      import('./directory-seed.ts'),
      import('../core/directory/source.ts'),
      import('../functions/stats/handler.ts'),
    ]);
  // Version 1 of the directory from the file, as the deployment seeds it (kept if the table already has one).
  options.log?.(`directory: ${await seedLocalDirectory()}`);
  const directory = directorySource();
  // The portal's session as in AWS (functions/session), over the dev identity instead of Cognito.
  const devIdentity = new DevIdentityProvider(directory, runtimeConfig().SESSION_REFRESH_SECONDS);
  const { createSessionHandler, portalOrigins } = await import('../functions/session/handler.ts');
  const { httpHandler } = await import('../core/http/middleware.ts');
  const session = httpHandler(
    createSessionHandler(
      () => ({ identity: devIdentity, clock: systemClock, refreshTokenSeconds: runtimeConfig().SESSION_REFRESH_SECONDS, redirectUri: `${runtimeConfig().PUBLIC_URL}/cases`, signedOutUrl: '/cases' }),
      { allowedOrigins: portalOrigins },
    ),
  );

  const devRoutes: LocalRoute[] = [
    {
      method: 'POST',
      path: '/dev/sign-in',
      handle: async (_request, body) => {
        const email = safeJson(body)?.email;
        if (typeof email !== 'string') return { status: 400, body: { errors: [{ path: 'email', message: 'is required' }] } };
        const tokens = await devIdentity.signIn(email);
        if (!tokens) return { status: 403, body: { errors: [{ path: 'email', message: 'is not in the directory (team staff, out-of-hours staff or administrators)' }] } };
        // The token in the answer (scripts and tests call the API with it), and the session cookie the portal uses.
        return { status: 200, body: { token: tokens.idToken }, cookies: [sessionCookie(tokens.refreshToken, runtimeConfig().SESSION_REFRESH_SECONDS)] };
      },
    },
    {
      method: 'POST',
      path: '/dev/clock',
      handle: async (_request, body) => {
        const now = safeJson(body)?.now;
        if (typeof now !== 'string' || Number.isNaN(Date.parse(now))) {
          return { status: 400, body: { errors: [{ path: 'now', message: 'must be an ISO 8601 time' }] } };
        }
        const moved = moveClock(systemClock, new Date(now));
        if (moved.kind === 'backwards') {
          return { status: 409, body: { errors: [{ path: 'now', message: `the clock only moves forward: it is already ${moved.current}` }] } };
        }
        options.log?.(`clock: ${moved.now}`);
        return { status: 200, body: { now: moved.now } };
      },
    },
    {
      method: 'POST',
      path: '/dev/sweep',
      handle: async (_request, body) => {
        const now = safeJson(body)?.now ?? systemClock.now().toISOString();
        if (typeof now !== 'string' || Number.isNaN(Date.parse(now))) {
          return { status: 400, body: { errors: [{ path: 'now', message: 'must be an ISO 8601 time' }] } };
        }
        // The clock moves to `now` first (a sweep at an earlier moment leaves it where it is), then the sweep runs.
        moveClock(systemClock, new Date(now));
        return { status: 200, body: await reminders.handler(scheduledEvent(new Date(now)), lambdaContext('reminders')) };
      },
    },
  ];

  const server: Server = await startHttpServer({
    port: options.port,
    handlers: {
      web: web as unknown as HttpHandler,
      submit: submit as unknown as HttpHandler,
      cases: cases as unknown as HttpHandler,
      status: status as unknown as HttpHandler,
      directory: directoryAdmin as unknown as HttpHandler,
      consult: (await import('../functions/consult/handler.ts')).handler as unknown as HttpHandler,
      consultations: (await import('../functions/consultations/handler.ts')).handler as unknown as HttpHandler,
      stats: stats as unknown as HttpHandler,
      session: session as unknown as HttpHandler,
    },
    verifyToken: verifyDevToken,
    devRoutes,
    rateLimit: options.rateLimit === false ? undefined : submitRateLimit(options.rateLimit ?? submitThrottle),
    log: options.log,
  });

  const stoppers: Array<() => Promise<void>> = [];

  // --- notify: the stream poller feeding functions/notify (owned by the notifications work) ---
  const [{ handler: notify }, { startStreamPoller }] = await Promise.all([
    import('../functions/notify/handler.ts'),
    import('./stream-poller.ts'),
  ]);
  const poller = await startStreamPoller({
    dynamoEndpoint: options.dynamoEndpoint,
    tableName,
    handler: notify as unknown as import('./stream-poller.ts').StreamHandler,
    dlqFile: process.env.NOTIFY_DLQ_FILE ?? join(PROJECT_ROOT, '.local', 'notify-dlq.jsonl'),
    log: options.log,
  });
  stoppers.push(poller.stop);
  // --- end notify ---

  // --- figures: the stream's second reader, functions/stats-counter, with its own poller and its own position ---
  const { handler: statsCounter } = await import('../functions/stats-counter/handler.ts');
  const { statsCounterStreamSettings } = await import('../functions/stats-counter/stream-settings.ts');
  const counterPoller = await startStreamPoller({
    dynamoEndpoint: options.dynamoEndpoint,
    tableName,
    handler: statsCounter as unknown as import('./stream-poller.ts').StreamHandler,
    dlqFile: process.env.STATS_COUNTER_DLQ_FILE ?? join(PROJECT_ROOT, '.local', 'stats-counter-dlq.jsonl'),
    log: options.log,
    functionName: 'stats-counter',
    settings: statsCounterStreamSettings,
  });
  stoppers.push(counterPoller.stop);
  // --- end figures ---

  // --- reminders: the sweep timer (owned by the deadlines work) ---
  // As the EventBridge schedule in AWS: a sweep every few minutes with the event's time as "now".
  if (options.sweepIntervalMs !== 0) {
    const timer = setInterval(() => {
      reminders.handler(scheduledEvent(systemClock.now()), lambdaContext('reminders')).catch((error: unknown) => options.log?.(`sweep failed: ${String(error)}`));
    }, options.sweepIntervalMs ?? 5 * 60_000);
    timer.unref();
    stoppers.push(async () => clearInterval(timer));
  }
  // --- end reminders ---

  return {
    url,
    tableName,
    stop: async () => {
      for (const stop of stoppers) await stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** The EventBridge scheduled event Lambda receives, at a given moment. */
function scheduledEvent(now: Date) {
  return { version: '0', id: crypto.randomUUID(), 'detail-type': 'Scheduled Event', source: 'aws.events', account: '000000000000', time: now.toISOString(), region: 'local', resources: [], detail: {} };
}

function safeJson(body: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
