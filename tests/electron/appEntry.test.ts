import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseAppEntry, isAllowedRequestUrl, isAppDocumentUrl, type AppEntry } from '../../electron/appEntry';
import { APP_INDEX_URL } from '../../electron/protocol';

const rendererDir = join('/opt', 'Sysdrill', 'out', 'renderer');
const appEntry: AppEntry = { kind: 'app', url: APP_INDEX_URL, rendererDir };
const devEntry: AppEntry = { kind: 'dev-server', url: 'http://localhost:5173/' };
const fileUrl = (path: string): string => pathToFileURL(path).href;

describe('chooseAppEntry', () => {
  it.each([
    [{ isPackaged: false, devServerUrl: 'http://localhost:5173/' }, 'dev-server'],
    [{ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173' }, 'dev-server'],
    [{ isPackaged: false, devServerUrl: undefined }, 'app'],
    [{ isPackaged: true, devServerUrl: 'http://localhost:5173/' }, 'app'],
    [{ isPackaged: false, devServerUrl: 'https://evil.example/' }, 'app'],
    [{ isPackaged: false, devServerUrl: 'http://192.168.1.5:5173/' }, 'app'],
    [{ isPackaged: false, devServerUrl: 'not a url' }, 'app'],
  ])('%j loads from %s', (options, kind) => {
    expect(chooseAppEntry({ ...options, rendererDir }).kind).toBe(kind);
  });

  it('serves the built renderer as app://sysdrill/index.html, never a file:// URL', () => {
    expect(chooseAppEntry({ isPackaged: true, devServerUrl: undefined, rendererDir })).toEqual({ kind: 'app', url: 'app://sysdrill/index.html', rendererDir });
  });
});

describe('isAppDocumentUrl (the sender check)', () => {
  it.each([
    ['app://sysdrill/index.html', true],
    ['app://sysdrill/index.html#/prompt/banking', true],
    ['app://sysdrill/index.html?x=1', true],
    ['app://sysdrill/other.html', false],
    ['app://evil/index.html', false],
    ['app://user:pw@sysdrill/index.html', false],
    [fileUrl(join(rendererDir, 'index.html')), false],
    [fileUrl('/etc/passwd'), false],
    ['https://evil.example/index.html', false],
    ['about:blank', false],
    ['', false],
  ])('app entry: %s → %s', (url, expected) => {
    expect(isAppDocumentUrl(url, appEntry)).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/#/prompt/banking', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['app://sysdrill/index.html', false],
  ])('dev entry: %s → %s', (url, expected) => {
    expect(isAppDocumentUrl(url, devEntry)).toBe(expected);
  });
});

describe('isAllowedRequestUrl (the request filter)', () => {
  it.each([
    ['app://sysdrill/index.html', true],
    ['app://sysdrill/assets/index-abc.js', true],
    ['app://other/assets/index-abc.js', false],
    [fileUrl(join(rendererDir, 'index.html')), false],
    [fileUrl(join(rendererDir, 'assets', 'index-abc.js')), false],
    [fileUrl('/etc/passwd'), false],
    ['data:image/png;base64,AAAA', true],
    ['https://fonts.example.com/font.woff2', false],
    ['http://127.0.0.1/', false],
    ['ws://localhost:5173/', false],
  ])('app entry: %s → %s', (url, expected) => {
    expect(isAllowedRequestUrl(url, appEntry)).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/src/main.tsx', true],
    ['ws://localhost:5173/', true],
    ['http://localhost:9999/', false],
    ['https://cdn.example.com/x.js', false],
  ])('dev entry: %s → %s', (url, expected) => {
    expect(isAllowedRequestUrl(url, devEntry)).toBe(expected);
  });
});
