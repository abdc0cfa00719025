// The bundles' stand-ins for Node builtins (infra/node-builtins/, aliased in infra/bundling.ts) hand over the very
// same exports as the builtin: the lazy node:stream/web one must list every export of this Node's module.
import { createRequire } from 'node:module';
import * as streamWeb from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import { builtinAliases } from '../../infra/bundling.ts';

const require = createRequire(import.meta.url);

describe('the Node builtin shims of the Lambda bundles', () => {
  it('node:stream/web, loaded on first use, has every export of the builtin, the same objects', () => {
    const shim = require(builtinAliases['node:stream/web']!) as Record<string, unknown>;
    expect(Object.keys(shim).sort()).toEqual(Object.keys(streamWeb).filter((name) => name !== 'default').sort());
    expect(shim.ReadableStream).toBe(streamWeb.ReadableStream);
  });

  it('node:http and node:https are the builtins themselves', () => {
    expect(require(builtinAliases['node:http']!)).toBe(process.getBuiltinModule('node:http'));
    expect(require(builtinAliases['node:https']!)).toBe(process.getBuiltinModule('node:https'));
  });
});
