import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, resolveBuiltinPromptsDir, resolveElectronNativeBinding, resolveUserDataDir, USER_DATA_DIR_ENV } from '../../electron/paths';

describe('resolveUserDataDir', () => {
  it.each([
    [{}, '/home/ann/.config/Sysdrill'],
    [{ [USER_DATA_DIR_ENV]: '' }, '/home/ann/.config/Sysdrill'],
    [{ [USER_DATA_DIR_ENV]: '   ' }, '/home/ann/.config/Sysdrill'],
    [{ [USER_DATA_DIR_ENV]: '/tmp/sysdrill-e2e' }, '/tmp/sysdrill-e2e'],
    [{ [USER_DATA_DIR_ENV]: 'relative/data' }, resolve('relative/data')],
  ])('env %j → %s', (env, expected) => {
    expect(resolveUserDataDir(env, '/home/ann/.config/Sysdrill')).toBe(expected);
  });
});

describe('appPaths', () => {
  it('keeps the database and the user’s prompts inside the user data folder', () => {
    expect(appPaths('/data')).toEqual({ userDataDir: '/data', databaseFile: join('/data', 'sysdrill.db'), userPromptsDir: join('/data', 'prompts') });
  });
});

describe('resolveBuiltinPromptsDir', () => {
  it('reads the repository folder when unpackaged and the resources copy when packaged', () => {
    const layout = { resourcesPath: '/opt/Sysdrill/resources', appPath: '/src/sysdrill' };
    expect(resolveBuiltinPromptsDir({ ...layout, isPackaged: false })).toBe(join('/src/sysdrill', 'prompts', 'data'));
    expect(resolveBuiltinPromptsDir({ ...layout, isPackaged: true })).toBe(join('/opt/Sysdrill/resources', 'prompts'));
  });
});

describe('resolveElectronNativeBinding', () => {
  const layout = { resourcesPath: '/opt/Sysdrill/resources', appPath: '/src/sysdrill', modulesVersion: '145' };

  it('points at native/electron-v<ABI>/ when that build exists', () => {
    const expected = join('/src/sysdrill', 'native', 'electron-v145', 'better_sqlite3.node');
    expect(resolveElectronNativeBinding({ ...layout, isPackaged: false }, (file) => file === expected)).toBe(expected);
    const packaged = join('/opt/Sysdrill/resources', 'native', 'electron-v145', 'better_sqlite3.node');
    expect(resolveElectronNativeBinding({ ...layout, isPackaged: true }, (file) => file === packaged)).toBe(packaged);
  });

  it('is undefined when the build is missing', () => {
    expect(resolveElectronNativeBinding({ ...layout, isPackaged: false }, () => false)).toBeUndefined();
  });
});
