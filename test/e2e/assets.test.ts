// The browser scripts as Lambda serves them: built by `node web/client/build.ts <dir>` (what the CDK's
// afterBundling hook runs) and read by the web function from ${LAMBDA_TASK_ROOT}/assets, in a fresh process
// set up as Lambda is. And two rules of the client code: no HTML from strings, no zod locales in the bundle.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../local/app.ts';

const taskRoot = mkdtempSync(join(tmpdir(), 'web-lambda-'));
afterAll(() => rmSync(taskRoot, { recursive: true, force: true }));

describe('client scripts in Lambda', () => {
  it('the build command writes the bundles the web function serves from ${LAMBDA_TASK_ROOT}/assets', () => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'web/client/build.ts'), join(taskRoot, 'assets')], { cwd: taskRoot });
    // admin.js: the directory's admin page (issue 15).
    expect(readdirSync(join(taskRoot, 'assets')).sort()).toEqual(['admin.js', 'form.js', 'portal.js', 'stats.js']);
    const form = readFileSync(join(taskRoot, 'assets', 'form.js'), 'utf8');
    // zod/mini without its locale files: the form script stays small.
    expect(form.length).toBeLessThan(60_000);
    expect(form).toContain('idempotency-key');

    const probe = `
      const { handler } = await import(${JSON.stringify(join(PROJECT_ROOT, 'functions/web/handler.ts'))});
      const out = {};
      for (const file of ['form.js', 'portal.js', 'admin.js', 'missing.js']) {
        const path = '/assets/' + file;
        const r = await handler({ version: '2.0', routeKey: 'GET /assets/{file}', rawPath: path, rawQueryString: '', headers: {},
          pathParameters: { file }, isBase64Encoded: false, requestContext: { requestId: 'test', routeKey: 'GET /assets/{file}', http: { method: 'GET', path } } }, {});
        out[file] = { status: r.statusCode, type: r.headers['content-type'], length: r.body.length };
      }
      process.stdout.write('RESULT' + JSON.stringify(out));`;
    // As Lambda: LAMBDA_TASK_ROOT set, no LOCAL_MODE, and no esbuild needed (it is not in the Lambda bundle).
    const env = { PATH: process.env.PATH, LAMBDA_TASK_ROOT: taskRoot, LOG_LEVEL: 'ERROR' };
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { env, cwd: taskRoot }).toString();
    const result = JSON.parse(output.slice(output.indexOf('RESULT') + 'RESULT'.length));
    expect(result['form.js']).toEqual({ status: 200, type: 'text/javascript; charset=utf-8', length: form.length });
    expect(result['portal.js'].status).toBe(200);
    expect(result['admin.js'].status).toBe(200);
    expect(result['missing.js'].status).toBe(404);
  });

  it('the client code never builds HTML from strings (data goes in with textContent and DOM nodes)', () => {
    const dir = join(PROJECT_ROOT, 'web/client');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(|new Function\(|\beval\(/);
    }
  });
});
