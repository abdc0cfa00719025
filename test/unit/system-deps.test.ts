// What `npm start` and `npm test` do about a missing Java or Chromium (scripts/system-deps.mjs). The decision is
// tested without uninstalling anything: the places the probe looks at come from the environment.
import { describe, expect, it } from 'vitest';
import { DEBIAN_PACKAGES, findTools, javaMajorVersion, planSystemDeps } from '../../scripts/system-deps.mjs';

const all = { java: true, chromium: true };

describe('which tools the machine has', () => {
  it('finds this machine\'s Java and Chromium, and misses them where the environment points at nothing', () => {
    expect(findTools({})).toEqual({ java: true, chromium: true });
    expect(findTools({ ENSURE_DEPS_JAVA: '/nonexistent/java', CHROMIUM_PATH: '/nonexistent/chromium' })).toEqual({ java: false, chromium: false });
    expect(findTools({ CHROMIUM_PATH: '/nonexistent/chromium' })).toEqual({ java: true, chromium: false });
  });

  it('reads the Java version of old and new version strings; Java before 17 counts as missing', () => {
    expect(javaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(javaMajorVersion('java version "1.8.0_392"')).toBe(8);
    expect(javaMajorVersion('nothing')).toBeNull();
  });
});

describe('the plan', () => {
  it('does nothing when everything is there', () => {
    expect(planSystemDeps({ command: 'test', found: all, canApt: true })).toEqual({ kind: 'ready' });
    expect(planSystemDeps({ command: 'start', found: { java: true, chromium: false }, canApt: false })).toEqual({ kind: 'ready' });
  });

  it('npm start needs Java only; npm test needs Java and Chromium', () => {
    expect(planSystemDeps({ command: 'start', found: { java: false, chromium: false }, canApt: true })).toMatchObject({ kind: 'install', packages: [DEBIAN_PACKAGES.java] });
    expect(planSystemDeps({ command: 'test', found: { java: true, chromium: false }, canApt: true })).toMatchObject({ kind: 'install', packages: ['chromium'] });
    expect(planSystemDeps({ command: 'test', found: { java: false, chromium: false }, canApt: true })).toMatchObject({ kind: 'install', packages: [DEBIAN_PACKAGES.java, 'chromium'] });
  });

  it('as root on Debian: installs, saying so in one line', () => {
    const plan = planSystemDeps({ command: 'test', found: { java: true, chromium: false }, canApt: true });
    expect(plan.kind).toBe('install');
    if (plan.kind !== 'install') return;
    expect(plan.message.split('\n')).toHaveLength(1);
    expect(plan.message).toMatch(/installing chromium with apt-get/);
  });

  it('elsewhere: stops with one sentence naming what to install', () => {
    const plan = planSystemDeps({ command: 'test', found: { java: false, chromium: false }, canApt: false });
    expect(plan.kind).toBe('stop');
    expect(plan.kind === 'stop' && plan.message).toMatch(/^npm test needs Java 17 or newer .* and Chromium .*: install it \(on Debian or Ubuntu: sudo apt-get install -y default-jdk-headless chromium\) and run npm test again\.$/);
  });

  it('an unknown command needs nothing', () => {
    expect(planSystemDeps({ command: 'typecheck', found: { java: false, chromium: false }, canApt: false })).toEqual({ kind: 'ready' });
  });
});
