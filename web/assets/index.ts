// Static assets served by the web function. Kept as modules so esbuild bundles them: no file reads at run time.
import { formScript } from './form-script.ts';
import { siteCss } from './site-css.ts';

export const assets: Record<string, { type: string; body: string }> = {
  'site.css': { type: 'text/css; charset=utf-8', body: siteCss },
  'form.js': { type: 'text/javascript; charset=utf-8', body: formScript },
};
