// Runs before `npm start` and `npm test` so that a fresh clone needs no separate `npm install`.
// Plain JavaScript on purpose: on a fresh clone this runs on whatever Node.js the machine has,
// because the project's pinned Node.js 24 (the `node` dev dependency) is not installed yet.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const stampFile = join(root, 'node_modules', '.concern-intake-deps');

const wanted = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
const pinnedNode = join(root, 'node_modules', '.bin', 'node');

if (installed !== wanted || !existsSync(pinnedNode)) {
  console.log('Installing dependencies (npm ci) — only needed once per change of package-lock.json…');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, wanted + '\n');
}
