// What `npm start` and `npm test` need from the machine besides Node.js and npm, and how they get it: on Debian as
// root they install it with apt-get (saying so in one line); anywhere else they stop with one sentence naming it.
// Plain JavaScript, like ensure-deps.mjs, because it runs before the project's pinned Node.js is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Per command, the tools it needs: local mode needs Java (DynamoDB Local); the tests need Chromium as well. */
export const NEEDS = {
  start: ['java'],
  test: ['java', 'chromium'],
  simulate: ['java'],
  bench: ['java'],
};

/**
 * The Debian package for each tool. For Java a JDK, not only a runtime: DynamoDB Local is kept on loopback by a
 * launcher in Java's source-file mode (local/dynamodb.ts), which needs the compiler module. default-jdk-headless is
 * Debian's current JDK (17 on bookworm, 21 on trixie), so the name holds across releases.
 */
export const DEBIAN_PACKAGES = { java: 'default-jdk-headless', chromium: 'chromium' };

const DESCRIPTIONS = { java: 'Java 17 or newer (for DynamoDB Local)', chromium: 'Chromium at /usr/bin/chromium (for the browser tests)' };

/** The major version of `java -version`'s output ("17.0.15", or "1.8.0_392" for Java 8), or null. */
export function javaMajorVersion(output) {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/**
 * Which tools this machine has. The places looked at come from the environment, so a test can point them at
 * nothing: ENSURE_DEPS_JAVA (default `java` on the PATH) and CHROMIUM_PATH (default /usr/bin/chromium, as the
 * browser tests use it).
 */
export function findTools(env = process.env) {
  // `java -version` prints to stderr; a missing command has no status, an old Java counts as missing.
  const result = spawnSync(env.ENSURE_DEPS_JAVA || 'java', ['-version'], { encoding: 'utf8' });
  const java = result.status === 0 && (javaMajorVersion(`${result.stderr}${result.stdout}`) ?? 0) >= 17;
  return { java, chromium: existsSync(env.CHROMIUM_PATH || '/usr/bin/chromium') };
}

/** Whether this machine can install Debian packages itself: Debian (or a derivative) with apt-get, run as root. */
export function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

/**
 * The decision, without side effects: nothing to do, install these packages (with the one line to print), or stop
 * with one sentence naming what to install.
 */
export function planSystemDeps({ command, found, canApt }) {
  const missing = (NEEDS[command] ?? []).filter((tool) => !found[tool]);
  if (missing.length === 0) return { kind: 'ready' };
  const packages = missing.map((tool) => DEBIAN_PACKAGES[tool]);
  const what = missing.map((tool) => DESCRIPTIONS[tool]).join(' and ');
  if (canApt) {
    return { kind: 'install', packages, message: `npm ${command} needs ${what}: installing ${packages.join(' ')} with apt-get…` };
  }
  return {
    kind: 'stop',
    packages,
    message: `npm ${command} needs ${what}, which this machine lacks: install it (on Debian or Ubuntu: sudo apt-get install -y ${packages.join(' ')}) and run npm ${command} again.`,
  };
}
