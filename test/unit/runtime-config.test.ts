import { describe, expect, it } from 'vitest';
import { runtimeConfig } from '../../core/config/runtime.ts';

describe('runtime settings', () => {
  it('in AWS (no LOCAL_MODE) refuse to start without the settings, naming each', () => {
    expect(() => runtimeConfig({})).toThrow(/TABLE_NAME.*PUBLIC_URL.*SENDER_ADDRESS/);
  });

  it('never fall back to the development status-link secret outside local mode', () => {
    const config = runtimeConfig({ TABLE_NAME: 't', PUBLIC_URL: 'https://x.example.se', SENDER_ADDRESS: 'a@x.example.se' });
    expect(config.STATUS_LINK_SECRET).toBeUndefined();
    expect(config.LOCAL_MODE).toBe('false');
  });

  it('in local mode use the local defaults, overridable', () => {
    const config = runtimeConfig({ LOCAL_MODE: 'true', TABLE_NAME: 'mine' });
    expect(config).toMatchObject({ TABLE_NAME: 'mine', PUBLIC_URL: 'http://localhost:3000', RETENTION_DAYS: 90 });
    expect(config.STATUS_LINK_SECRET).toBeDefined();
  });
});
