import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPathOf, APP_SCHEME_PRIVILEGES, contentTypeOf, createAppProtocolHandler, resolveAppFile } from '../../electron/protocol';
import { tempDir } from './helpers';

/** A renderer folder with a sibling secret, and links in and out of it. */
function layout(): { root: string; rendererDir: string; secret: string } {
  const root = tempDir('sysdrill-protocol-');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sysdrill</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(rendererDir, 'assets', 'a b.css'), 'body{}');
  const secret = join(root, 'secret.txt');
  writeFileSync(secret, 'not for the page');
  symlinkSync(secret, join(rendererDir, 'assets', 'leak.txt'));
  symlinkSync(root, join(rendererDir, 'up'));
  symlinkSync(join(rendererDir, 'assets', 'index-abc.js'), join(rendererDir, 'alias.js'));
  return { root, rendererDir, secret };
}

describe('appPathOf: URL to a file of the renderer folder, by text', () => {
  const rendererDir = join('/opt', 'Sysdrill', 'renderer');

  it.each([
    ['app://sysdrill/index.html', join(rendererDir, 'index.html')],
    ['app://sysdrill/', join(rendererDir, 'index.html')],
    ['app://sysdrill', join(rendererDir, 'index.html')],
    ['app://sysdrill/index.html#/prompt/banking', join(rendererDir, 'index.html')],
    ['app://sysdrill/assets/index-abc.js?v=1', join(rendererDir, 'assets', 'index-abc.js')],
    ['app://sysdrill/assets/a%20b.css', join(rendererDir, 'assets', 'a b.css')],
  ])('%s → its file', (url, file) => {
    expect(appPathOf(url, rendererDir)).toEqual({ ok: true, file });
  });

  it.each([
    ['parent segment', 'app://sysdrill/../secret.txt'],
    ['parent segment deeper in', 'app://sysdrill/assets/../../secret.txt'],
    ['current-directory segment', 'app://sysdrill/./index.html'],
    ['encoded parent segment', 'app://sysdrill/%2e%2e/secret.txt'],
    ['mixed-case encoded parent', 'app://sysdrill/%2E%2e/secret.txt'],
    ['half-encoded parent', 'app://sysdrill/.%2e/secret.txt'],
    ['encoded slash', 'app://sysdrill/..%2f..%2fetc%2fpasswd'],
    ['encoded backslash', 'app://sysdrill/..%5c..%5cwindows%5cwin.ini'],
    ['raw backslash', 'app://sysdrill/..\\secret.txt'],
    ['absolute path', 'app://sysdrill//etc/passwd'],
    ['encoded absolute path', 'app://sysdrill/%2fetc%2fpasswd'],
    ['drive letter', 'app://sysdrill/C:/Windows/win.ini'],
    ['encoded NUL', 'app://sysdrill/index.html%00.png'],
    ['empty segment', 'app://sysdrill/assets//index-abc.js'],
    ['malformed encoding', 'app://sysdrill/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['credentials', 'app://user:pw@sysdrill/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['not a URL', 'sysdrill index'],
  ])('refuses %s: %s', (_name, url) => {
    expect(appPathOf(url, rendererDir).ok).toBe(false);
  });

  it('says why it refused', () => {
    expect(appPathOf('app://sysdrill/%2e%2e/secret.txt', rendererDir)).toEqual({ ok: false, status: 403, reason: 'path segment "%2e%2e"' });
    expect(appPathOf('app://evil/index.html', rendererDir)).toEqual({ ok: false, status: 403, reason: 'not app://sysdrill' });
  });
});

describe('resolveAppFile: symlinks may not lead out of the folder', () => {
  it('serves a file, and a link that stays inside the folder', async () => {
    const { rendererDir } = layout();
    expect(await resolveAppFile('app://sysdrill/assets/index-abc.js', rendererDir)).toEqual({ ok: true, file: join(rendererDir, 'assets', 'index-abc.js') });
    expect(await resolveAppFile('app://sysdrill/alias.js', rendererDir)).toEqual({ ok: true, file: join(rendererDir, 'assets', 'index-abc.js') });
  });

  it.each([
    ['a file link to a sibling secret', 'app://sysdrill/assets/leak.txt'],
    ['a folder link to the parent', 'app://sysdrill/up/secret.txt'],
  ])('refuses %s', async (_name, url) => {
    const { rendererDir } = layout();
    expect(await resolveAppFile(url, rendererDir)).toEqual({ ok: false, status: 403, reason: 'a link out of the app folder' });
  });

  it('answers 404 for a missing file', async () => {
    const { rendererDir } = layout();
    expect(await resolveAppFile('app://sysdrill/missing.js', rendererDir)).toMatchObject({ ok: false, status: 404 });
  });
});

describe('the app:// protocol handler', () => {
  it('serves the page and its assets with their content types and nosniff', async () => {
    const { rendererDir } = layout();
    const handle = createAppProtocolHandler(rendererDir);
    const page = await handle(new Request('app://sysdrill/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Sysdrill</title>');
    const script = await handle(new Request('app://sysdrill/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['app://sysdrill/..%2fsecret.txt', 403],
    ['app://sysdrill/assets/leak.txt', 403],
    ['app://sysdrill/up/secret.txt', 403],
    ['app://evil/index.html', 403],
    ['app://sysdrill/nothing-here.js', 404],
  ])('answers %s with %i and no body', async (url, status) => {
    const { rendererDir } = layout();
    const response = await createAppProtocolHandler(rendererDir)(new Request(url));
    expect(response.status).toBe(status);
    expect(await response.text()).toBe('');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { rendererDir } = layout();
    const response = await createAppProtocolHandler(rendererDir)(new Request('app://sysdrill/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('never serves the secret next to the folder, whatever the spelling', async () => {
    const { rendererDir } = layout();
    const handle = createAppProtocolHandler(rendererDir);
    for (const url of ['app://sysdrill/../secret.txt', 'app://sysdrill/%2e%2e/secret.txt', 'app://sysdrill/assets/leak.txt', 'app://sysdrill/up/secret.txt']) {
      const response = await handle(new Request(url));
      expect(await response.text(), url).not.toContain('not for the page');
    }
  });

  it('registers app:// as a standard, secure scheme that does not bypass the CSP, open to CORS for the render frame', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: true } });
  });

  it.each([
    ['assets/index-abc.js', '*'],
    ['assets/chunk.MJS', '*'],
    ['index.html', null],
    ['mermaid-frame.html', null],
    ['prompts.json', null],
    ['icon.svg', null],
  ])('lets the sandboxed render frame load scripts only: %s gets access-control-allow-origin %s', async (file, allowed) => {
    const { rendererDir } = layout();
    for (const extra of ['assets/chunk.MJS', 'mermaid-frame.html', 'prompts.json', 'icon.svg']) writeFileSync(join(rendererDir, extra), 'x');
    const response = await createAppProtocolHandler(rendererDir)(new Request(`app://sysdrill/${file}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['chunk.JS', 'text/javascript; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['unknown.bin', 'application/octet-stream'],
  ])('labels %s as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});
