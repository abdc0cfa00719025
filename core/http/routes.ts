// The route table, declared once: the CDK HTTP API and the local server are both built from it.
export type FunctionName = 'web' | 'submit' | 'cases' | 'status' | 'directory' | 'stats' | 'consult' | 'consultations' | 'session';
export type RouteAuth = 'public' | 'staff';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT';
  /** API Gateway path syntax: {name} is a path parameter. */
  path: string;
  function: FunctionName;
  auth: RouteAuth;
}

export const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/', function: 'web', auth: 'public' },
  { method: 'GET', path: '/en', function: 'web', auth: 'public' },
  // The form filled in from a consultation ("make it a report"): the asker's name and email in a body, never a URL.
  { method: 'POST', path: '/', function: 'web', auth: 'public' },
  { method: 'POST', path: '/en', function: 'web', auth: 'public' },
  { method: 'GET', path: '/assets/{file}', function: 'web', auth: 'public' },
  { method: 'GET', path: '/api/forms/concern-report', function: 'web', auth: 'public' },
  { method: 'POST', path: '/api/forms/concern-report/submissions', function: 'submit', auth: 'public' },
  { method: 'GET', path: '/status/{token}', function: 'status', auth: 'public' },
  { method: 'GET', path: '/api/status/{token}', function: 'status', auth: 'public' },
  // The reporter writes: JSON from a script, or the status page's plain form post (works without JavaScript).
  { method: 'POST', path: '/api/status/{token}/messages', function: 'status', auth: 'public' },
  // The portal pages hold no data: they load it from the staff API with the signed-in user's token.
  { method: 'GET', path: '/cases', function: 'cases', auth: 'public' },
  { method: 'GET', path: '/cases/{id}', function: 'cases', auth: 'public' },
  { method: 'GET', path: '/cases/{id}/print', function: 'cases', auth: 'public' },
  { method: 'GET', path: '/api/cases', function: 'cases', auth: 'staff' },
  { method: 'GET', path: '/api/cases/{id}', function: 'cases', auth: 'staff' },
  // Search by reference or the child's name: a POST, so names never travel in a URL (or a log of URLs).
  { method: 'POST', path: '/api/cases/search', function: 'cases', auth: 'staff' },
  { method: 'POST', path: '/api/cases/{id}/acknowledge', function: 'cases', auth: 'staff' },
  { method: 'POST', path: '/api/cases/{id}/feedback', function: 'cases', auth: 'staff' },
  // Team work (issue 12): take or give, forward to another team, working notes, the case-system reference.
  { method: 'POST', path: '/api/cases/{id}/assign', function: 'cases', auth: 'staff' },
  { method: 'POST', path: '/api/cases/{id}/forward', function: 'cases', auth: 'staff' },
  { method: 'POST', path: '/api/cases/{id}/notes', function: 'cases', auth: 'staff' },
  { method: 'POST', path: '/api/cases/{id}/case-system-ref', function: 'cases', auth: 'staff' },
  // Who the signed-in person is to the portal (teams, lead, administrator), from the directory: every page asks.
  { method: 'GET', path: '/api/me', function: 'cases', auth: 'staff' },
  // The team view: open and overdue reports per assignee, and the unassigned ones (a lead's list page).
  { method: 'GET', path: '/api/team', function: 'cases', auth: 'staff' },
  // The reporter's side (issue 13): verify the reporter after a call to the school's switchboard, ask a question.
  { method: 'POST', path: '/api/cases/{id}/verify-reporter', function: 'cases', auth: 'staff' },
  { method: 'POST', path: '/api/cases/{id}/questions', function: 'cases', auth: 'staff' },
  // The directory, kept by the administrators (the function checks that the caller is one, by verified email).
  { method: 'GET', path: '/admin', function: 'directory', auth: 'public' },
  { method: 'GET', path: '/api/directory', function: 'directory', auth: 'staff' },
  { method: 'PUT', path: '/api/directory', function: 'directory', auth: 'staff' },
  { method: 'GET', path: '/api/directory/history', function: 'directory', auth: 'staff' },
  // Consultations: asked in public (consult only writes them), answered by the school's team, read by the asker's link.
  { method: 'GET', path: '/consultation', function: 'consult', auth: 'public' },
  { method: 'GET', path: '/en/consultation', function: 'consult', auth: 'public' },
  { method: 'POST', path: '/api/consultations', function: 'consult', auth: 'public' },
  { method: 'GET', path: '/api/consultations', function: 'consultations', auth: 'staff' },
  { method: 'POST', path: '/api/consultations/{id}/answer', function: 'consultations', auth: 'staff' },
  { method: 'GET', path: '/consultations/{token}', function: 'consultations', auth: 'public' },
  { method: 'GET', path: '/api/consultations/{token}', function: 'consultations', auth: 'public' },
  // The figures for leads and administrators (the function checks which, by verified email). The page is a shell;
  // its charts come from /api/stats.html with the signed-in user's token.
  { method: 'GET', path: '/stats', function: 'stats', auth: 'public' },
  { method: 'GET', path: '/api/stats', function: 'stats', auth: 'staff' },
  { method: 'GET', path: '/api/stats.csv', function: 'stats', auth: 'staff' },
  { method: 'GET', path: '/api/stats.html', function: 'stats', auth: 'staff' },
  // The portal's session (DESIGN.md "Sessions"): the refresh token lives in an HttpOnly cookie sent only under /auth.
  { method: 'POST', path: '/auth/session', function: 'session', auth: 'public' },
  { method: 'POST', path: '/auth/refresh', function: 'session', auth: 'public' },
  { method: 'POST', path: '/auth/sign-out', function: 'session', auth: 'public' },
];

/**
 * Every request no route matches: the web function answers the HTML 404 page (JSON under /api/). API Gateway's
 * `$default` route in AWS; the local server sends unmatched requests the same way.
 */
export const defaultRoute = { routeKey: '$default', function: 'web' } as const satisfies { routeKey: string; function: FunctionName };

export interface RouteMatch {
  route: RouteDefinition;
  pathParameters: Record<string, string>;
}

const compiled = routes.map((route) => ({
  route,
  names: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
  pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
}));

/** Matches like API Gateway: exact method and path; a parameter is one path segment. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const { route, names, pattern } of compiled) {
    if (route.method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const pathParameters: Record<string, string> = {};
    try {
      names.forEach((name, i) => {
        pathParameters[name] = decodeURIComponent(match[i + 1]!);
      });
    } catch {
      return undefined; // a malformed escape ("%zz") names no resource: 404, not a server error
    }
    return { route, pathParameters };
  }
  return undefined;
}

export const routeKey = (route: RouteDefinition) => `${route.method} ${route.path}`;
