// Runs before `npm start` and `npm test` so that a fresh clone needs nothing else: first the machine's own tools
// (Java, Chromium: scripts/system-deps.mjs), then the locked dependencies without a separate `npm install`.
// Plain JavaScript on purpose: on a fresh clone this runs on whatever Node.js the machine has,
// because the project's pinned Node.js 24 (the `node` dev dependency) is not installed yet.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { canInstallWithApt, findTools, planSystemDeps } from './system-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const stampFile = join(root, 'node_modules', '.concern-intake-deps');

// npm runs this as the `pre` script of a command: `prestart` → what `npm start` needs.
const command = (process.env.npm_lifecycle_event ?? '').replace(/^pre/, '');
const plan = planSystemDeps({ command, found: findTools(), canApt: canInstallWithApt() });
if (plan.kind === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.kind === 'install') {
  console.log(plan.message);
  const apt = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execSync('apt-get update -qq', apt);
  execSync(`apt-get install -y -qq ${plan.packages.join(' ')}`, apt);
}

const wanted = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
const pinnedNode = join(root, 'node_modules', '.bin', 'node');

if (installed !== wanted || !existsSync(pinnedNode)) {
  console.log('Installing dependencies (npm ci) — only needed once per change of package-lock.json…');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, wanted + '\n');
}
