import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../../electron/db/migrations';
import { openErrorMessage } from '../../../electron/db/openErrorMessage';

describe('openErrorMessage', () => {
  it('tells how to build the driver for Electron when its ABI does not match', () => {
    const abi = new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.');
    const message = openErrorMessage(abi, '145');
    expect(message).toContain('NODE_MODULE_VERSION 115');
    expect(message).toContain('npm start');
    expect(message).toContain('native/electron-v145/better_sqlite3.node');
  });

  it('passes other errors through unchanged', () => {
    const tooNew = new DatabaseTooNewError('/data/sysdrill.db', 9, 2);
    expect(openErrorMessage(tooNew, '145')).toBe(tooNew.message);
    expect(openErrorMessage('disk full', '145')).toBe('disk full');
  });

  it('names the database file when the error does not', () => {
    const cantOpen = Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
    expect(openErrorMessage(cantOpen, '145', '/data/sysdrill.db')).toBe('Sysdrill could not open its database\n/data/sysdrill.db\nunable to open database file');
    const tooNew = new DatabaseTooNewError('/data/sysdrill.db', 9, 2);
    expect(openErrorMessage(tooNew, '145', '/data/sysdrill.db')).toBe(tooNew.message);
  });
});
