import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('Electron fuses in electron-builder.yml', () => {
  const fuses = config['electronFuses'] as Record<string, unknown> | undefined;

  it.each([
    ['runAsNode', false, 'ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node'],
    ['enableNodeOptionsEnvironmentVariable', false, 'NODE_OPTIONS cannot inject code'],
    ['enableNodeCliInspectArguments', false, '--inspect cannot attach a debugger'],
    ['enableEmbeddedAsarIntegrityValidation', true, 'a modified app.asar is refused'],
    ['onlyLoadAppFromAsar', true, 'no app/ folder next to the asar is loaded instead'],
    ['enableCookieEncryption', true, 'the cookie store is encrypted at rest'],
    ['grantFileProtocolExtraPrivileges', false, 'file:// pages get no extra privileges'],
  ])('sets %s to %s (%s)', (fuse, value) => {
    expect(fuses?.[fuse]).toBe(value);
  });

  it('sets exactly those seven fuses, so none is left to a default by accident', () => {
    expect(Object.keys(fuses ?? {}).sort()).toEqual(
      [
        'enableCookieEncryption',
        'enableEmbeddedAsarIntegrityValidation',
        'enableNodeCliInspectArguments',
        'enableNodeOptionsEnvironmentVariable',
        'grantFileProtocolExtraPrivileges',
        'onlyLoadAppFromAsar',
        'runAsNode',
      ].sort(),
    );
  });

  it('packs the app into an asar, which the asar fuses rely on', () => {
    expect(config['asar']).toBe(true);
  });
});
