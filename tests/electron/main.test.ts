import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/ipc/channels';
import type { IpcResult } from '../../electron/ipc/contract';
import { EXTERNAL_LINKS } from '../../electron/externalLinks';
import { USER_DATA_DIR_ENV } from '../../electron/paths';
import { CONCEPT_IDS } from '../../rubrics/vocabulary';
import { createFakeElectron, installFakeElectron, type FakeElectron, type FakeWebContents } from './fakeElectron';
import { tempDir } from './helpers';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectronModule());

const repoRoot = resolve(import.meta.dirname, '../..');
const appPageUrl = 'app://sysdrill/index.html';

/** Imports electron/main.ts afresh against `fake` and lets its whenReady() callback run. */
async function startMain(fake: FakeElectron, userDataDir: string): Promise<void> {
  installFakeElectron(fake);
  process.env[USER_DATA_DIR_ENV] = userDataDir;
  vi.resetModules();
  await import('../../electron/main');
  await new Promise((done) => setImmediate(done));
}

function invoke(fake: FakeElectron, channel: string, frame: { url: string; parent: unknown } | null, payload?: unknown): Promise<IpcResult<unknown>> {
  const handler = fake.ipcHandlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler({ senderFrame: frame }, payload) as IpcResult<unknown>);
}

describe('electron/main.ts with a fake electron module', () => {
  let fake: FakeElectron;
  let userDataDir: string;
  let contents: FakeWebContents;
  let suiteDir: string;

  beforeAll(async () => {
    suiteDir = mkdtempSync(join(tmpdir(), 'sysdrill-main-'));
    userDataDir = join(suiteDir, 'user data');
    fake = createFakeElectron({ userDataDir, appPath: repoRoot, gotLock: true });
    await startMain(fake, userDataDir);
    const win = fake.windows[0];
    if (win === undefined) throw new Error('main created no window');
    contents = win.webContents;
  });

  afterAll(() => {
    fake.module.app.emit('will-quit', { preventDefault: () => undefined });
    delete process.env[USER_DATA_DIR_ENV];
    rmSync(suiteDir, { recursive: true, force: true });
  });

  it('takes the single-instance lock and puts user data where the env var says', () => {
    expect(fake.module.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fake.module.app.setPath).toHaveBeenCalledWith('userData', userDataDir);
    expect(existsSync(join(userDataDir, 'sysdrill.db'))).toBe(true);
  });

  it('opens exactly one window with an isolated, sandboxed, Node-free page', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]?.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('loads the page from app://sysdrill, never from file://', () => {
    const win = fake.windows[0];
    expect(win?.loadFile).not.toHaveBeenCalled();
    expect(win?.loadURL).toHaveBeenCalledExactlyOnceWith('app://sysdrill/index.html');
  });

  it('makes app:// a privileged, secure scheme (CORS-enabled for the sandboxed render frame) before ready and serves it with protocol.handle', () => {
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(fake.module.protocol.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: true } }]);
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('serves the renderer folder over app:// and nothing outside it', async () => {
    const handle = fake.protocolHandlers.get('app');
    if (handle === undefined) throw new Error('no app:// handler');
    const page = await handle(new Request('app://sysdrill/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Content-Security-Policy');
    for (const url of ['app://sysdrill/..%2fpackage.json', 'app://sysdrill/assets%2f..%2f..%2fpackage.json', 'app://other/index.html']) {
      expect((await handle(new Request(url))).status, url).toBe(403);
    }
  });

  it('prevents every navigation, redirect and webview', () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://example.com/');
      expect(preventDefault, event).toHaveBeenCalledOnce();
    }
  });

  it('denies window.open; only an allow-listed https link goes to the OS browser', () => {
    const open = contents.windowOpenHandler;
    if (open === undefined) throw new Error('no window open handler');
    fake.module.shell.openExternal.mockClear();
    for (const url of ['https://evil.example/', 'http://mermaid.js.org/syntax/flowchart.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.module.shell.openExternal).not.toHaveBeenCalled();
    expect(open({ url: EXTERNAL_LINKS.mermaidFlowchartSyntax })).toEqual({ action: 'deny' });
    expect(fake.module.shell.openExternal).toHaveBeenCalledExactlyOnceWith(EXTERNAL_LINKS.mermaidFlowchartSyntax);
  });

  it('denies every permission request and check', () => {
    const grant = vi.fn();
    fake.defaultSession.permissionRequestHandler?.({}, 'media', grant, {});
    fake.defaultSession.permissionRequestHandler?.({}, 'notifications', grant, {});
    expect(grant.mock.calls).toEqual([[false], [false]]);
    expect(fake.defaultSession.permissionCheckHandler?.({}, 'geolocation', 'file://', {})).toBe(false);
  });

  it('cancels requests for remote content and lets the app load its own files', () => {
    const answer = (url: string): unknown => {
      let response: unknown;
      fake.defaultSession.beforeRequest?.({ url }, (r: unknown) => (response = r));
      return response;
    };
    expect(answer('https://cdn.example.com/lib.js')).toEqual({ cancel: true });
    expect(answer('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(answer('file:///etc/passwd')).toEqual({ cancel: true });
    expect(answer(pathToFileURL(join(repoRoot, 'renderer', 'index.html')).href)).toEqual({ cancel: true });
    expect(answer('app://other/index.html')).toEqual({ cancel: true });
    expect(answer('app://sysdrill/assets/index.js')).toEqual({ cancel: false });
  });

  it('registers a handler for every contract channel', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers the app’s own page', async () => {
    const result = await invoke(fake, 'prompts:list', { url: `${appPageUrl}#/`, parent: null });
    expect(result.ok).toBe(true);
  });

  it('serves the repository glossary, so every concept reaches the glossary screen', async () => {
    const result = await invoke(fake, 'glossary:get', { url: `${appPageUrl}#/glossary`, parent: null });
    expect(result.ok).toBe(true);
    const ids = result.ok ? (result.value as { concepts: { id: string }[] }).concepts.map((c) => c.id) : [];
    expect(ids.sort()).toEqual([...CONCEPT_IDS].sort());
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['another local file', { url: pathToFileURL(join(repoRoot, 'README.md')).href, parent: null }],
    ['the built page opened over file://', { url: pathToFileURL(join(repoRoot, 'renderer', 'index.html')).href, parent: null }],
    ['another page of the app origin', { url: 'app://sysdrill/other.html', parent: null }],
    ['a sub-frame of the app page', { url: appPageUrl, parent: {} }],
    ['a destroyed frame', null],
  ])('refuses a request from %s', async (_name, frame) => {
    const result = await invoke(fake, 'drafts:save', frame, { promptId: 'banking', mode: 'practice', text: 'hijack' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('stores nothing for a refused sender', () => {
    const db = new Database(join(userDataDir, 'sysdrill.db'), { readonly: true });
    const drafts = db.prepare('SELECT count(*) FROM drafts').pluck().get();
    db.close();
    expect(drafts).toBe(0);
  });

  it('validates payloads behind the sender check', async () => {
    const result = await invoke(fake, 'drafts:save', { url: appPageUrl, parent: null }, { promptId: 5 });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('exports all data to the path chosen in the save dialog on the window, and imports it back through the open dialog', async () => {
    const page = { url: appPageUrl, parent: null };
    expect(await invoke(fake, 'data:export', page)).toEqual({ ok: true, value: { saved: false } });
    const target = join(suiteDir, 'exported data.db');
    fake.dialogAnswers.save.push(target);
    expect(await invoke(fake, 'data:export', page)).toEqual({ ok: true, value: { saved: true, file: target } });
    const [parent, options] = fake.module.dialog.showSaveDialog.mock.calls[1] as unknown as [unknown, { defaultPath: string }];
    expect(parent).toBe(fake.windows[0]);
    expect(options.defaultPath).toBe(join('/nonexistent/documents', `sysdrill-data-${new Date().toISOString().slice(0, 10)}.db`));

    fake.dialogAnswers.open.push(target);
    const imported = (await invoke(fake, 'data:import', page)) as IpcResult<{ imported: boolean; previousCopy: string }>;
    expect(imported.ok && imported.value.imported).toBe(true);
    expect(imported.ok && imported.value.previousCopy.startsWith(join(userDataDir, 'backups', 'sysdrill-before-import-'))).toBe(true);
    // Every channel now answers from the swapped-in database.
    expect(await invoke(fake, 'settings:get', page)).toMatchObject({ ok: true });
  });

  it('installs an application menu built from the standard roles', () => {
    expect(fake.module.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const template = fake.module.Menu.buildFromTemplate.mock.calls[0]?.[0] as { role?: string }[];
    expect(template.map((item) => item.role)).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu', 'help']));
  });

  it('holds the window open until its page has saved what is unsaved, then closes it', async () => {
    const win = fake.windows[0];
    const preventDefault = vi.fn();
    win?.emit('close', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(win?.close).not.toHaveBeenCalled();
    const request = contents.sent.find((m) => m.channel === 'lifecycle:flush');
    expect(request).toBeDefined();
    fake.ipcEvents.emit('lifecycle:flushed', { sender: contents }, request?.args[0]);
    await new Promise((done) => setImmediate(done));
    expect(win?.close).toHaveBeenCalledOnce();
  });

  it('remembers the window bounds in the database when the window closes', () => {
    fake.windows[0]?.emit('close', { preventDefault: () => undefined });
    const db = new Database(join(userDataDir, 'sysdrill.db'), { readonly: true });
    const stored = db.prepare("SELECT value_json FROM settings WHERE key = 'window.state'").pluck().get() as string;
    db.close();
    expect(JSON.parse(stored)).toEqual({ x: 40, y: 30, width: 1000, height: 700, maximized: false });
  });
});

describe('a damaged database at start-up', () => {
  it('is moved aside, a fresh one is opened, and a window tells the user where the old file is', async () => {
    const userDataDir = join(tempDir(), 'damaged');
    mkdirSync(userDataDir, { recursive: true });
    writeFileSync(join(userDataDir, 'sysdrill.db'), 'this is not an SQLite file');
    const fake = createFakeElectron({ userDataDir, appPath: repoRoot, gotLock: true });
    await startMain(fake, userDataDir);
    delete process.env[USER_DATA_DIR_ENV];
    try {
      expect(fake.module.dialog.showErrorBox).not.toHaveBeenCalled();
      expect(fake.windows).toHaveLength(1);
      const moved = readdirSync(userDataDir).filter((name) => name.startsWith('sysdrill.db.corrupt-'));
      expect(moved).toHaveLength(1);
      expect(readFileSync(join(userDataDir, moved[0] ?? ''), 'utf8')).toBe('this is not an SQLite file');
      const [, box] = fake.module.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, { title: string; detail: string }];
      expect(box.title).toBe('Sysdrill repaired its database');
      expect(box.detail).toContain(join(userDataDir, moved[0] ?? ''));
      expect(box.detail).toContain('There was no usable backup');
    } finally {
      fake.module.app.emit('will-quit', { preventDefault: () => undefined });
    }
  });
});

describe('a second instance', () => {
  it('quits at once when another instance holds the lock, opening nothing', async () => {
    const userDataDir = join(tempDir(), 'second');
    const fake = createFakeElectron({ userDataDir, appPath: repoRoot, gotLock: false });
    await startMain(fake, userDataDir);
    delete process.env[USER_DATA_DIR_ENV];
    expect(fake.module.app.quit).toHaveBeenCalledOnce();
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(existsSync(join(userDataDir, 'sysdrill.db'))).toBe(false);
  });
});
