import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseAppEntry, isAllowedRequestUrl, isAppDocumentUrl, type AppEntry } from '../../electron/appEntry';

const rendererDir = join('/opt', 'Sysdrill', 'out', 'renderer');
const indexFile = join(rendererDir, 'index.html');
const fileEntry: AppEntry = { kind: 'file', indexFile };
const devEntry: AppEntry = { kind: 'dev-server', url: 'http://localhost:5173/' };
const fileUrl = (path: string): string => pathToFileURL(path).href;

describe('chooseAppEntry', () => {
  it.each([
    [{ isPackaged: false, devServerUrl: 'http://localhost:5173/' }, 'dev-server'],
    [{ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173' }, 'dev-server'],
    [{ isPackaged: false, devServerUrl: undefined }, 'file'],
    [{ isPackaged: true, devServerUrl: 'http://localhost:5173/' }, 'file'],
    [{ isPackaged: false, devServerUrl: 'https://evil.example/' }, 'file'],
    [{ isPackaged: false, devServerUrl: 'http://192.168.1.5:5173/' }, 'file'],
    [{ isPackaged: false, devServerUrl: 'not a url' }, 'file'],
  ])('%j loads from %s', (options, kind) => {
    expect(chooseAppEntry({ ...options, indexFile }).kind).toBe(kind);
  });
});

describe('isAppDocumentUrl', () => {
  it.each([
    [fileUrl(indexFile), true],
    [`${fileUrl(indexFile)}#/prompt/banking`, true],
    [`${fileUrl(indexFile)}?x=1`, true],
    [fileUrl(join(rendererDir, 'other.html')), false],
    [fileUrl('/etc/passwd'), false],
    ['https://evil.example/index.html', false],
    ['about:blank', false],
    ['', false],
  ])('file entry: %s → %s', (url, expected) => {
    expect(isAppDocumentUrl(url, fileEntry)).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/#/prompt/banking', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    [fileUrl(indexFile), false],
  ])('dev entry: %s → %s', (url, expected) => {
    expect(isAppDocumentUrl(url, devEntry)).toBe(expected);
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([
    [fileUrl(indexFile), true],
    [fileUrl(join(rendererDir, 'assets', 'index-abc.js')), true],
    [fileUrl(join(rendererDir, '..', 'main', 'index.js')), false],
    [fileUrl(rendererDir), false],
    [`file://${rendererDir}/../../../../etc/passwd`, false],
    ['data:image/png;base64,AAAA', true],
    ['https://fonts.example.com/font.woff2', false],
    ['http://127.0.0.1/', false],
    ['ws://localhost:5173/', false],
  ])('file entry: %s → %s', (url, expected) => {
    expect(isAllowedRequestUrl(url, fileEntry)).toBe(expected);
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
