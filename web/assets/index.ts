// Static assets served by the web function. The stylesheet is a module (bundled with the function: no file
// reads at run time); the browser scripts are built from web/client/ (see client-bundles.ts).
import { siteCss } from './site-css.ts';

export const assets: Record<string, { type: string; body: string }> = {
  'site.css': { type: 'text/css; charset=utf-8', body: siteCss },
};
