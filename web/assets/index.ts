// Static assets served by the web function. The stylesheet is a module (bundled with the function: no file
// reads at run time); the browser scripts are built from web/client/ (see client-bundles.ts).
import { siteCss } from './site-css.ts';

export const assets: Record<string, { type: string; body: string }> = {
  'site.css': { type: 'text/css; charset=utf-8', body: siteCss },
  // A plain mark for the browser tab (so staff find the portal's tab among many), no text, no external font.
  'favicon.svg': {
    type: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/><path d="M16 6c-4 0-7 3-7 7 0 6 7 12 7 12s7-6 7-12c0-4-3-7-7-7z" fill="#fff"/></svg>',
  },
};
