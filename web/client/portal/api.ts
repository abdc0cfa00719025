// The staff API from the browser: the session's bearer token (web/client/session.ts), JSON both ways.
import { ApiError } from './api-error.ts';
import { fetchWithSession } from '../session.ts';

/** A staff API call with the session's token; any answer but 2xx is an ApiError (0: no contact with the server). */
export async function api<R>(path: string, init: { method?: string; body?: unknown } = {}): Promise<R> {
  let response: Response;
  try {
    response = await fetchWithSession(path, {
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, { message: 'Ingen kontakt med servern. Kontrollera anslutningen och försök igen.' });
  }
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) throw new ApiError(response.status, body as ApiError['body']);
  return body as R;
}
