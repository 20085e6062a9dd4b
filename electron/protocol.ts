import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The app's own origin, `app://sysdrill`: the built renderer folder served by a custom protocol
 * handler, so the page's CSP `'self'` means these files and nothing else on disk (under file://,
 * `'self'` matches every local file).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sysdrill';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered with `protocol.registerSchemesAsPrivileged` before `ready`: a standard scheme (real
 * origin, relative URLs, ES modules) treated as secure. No `bypassCSP`: the page's CSP applies in
 * full. `corsEnabled` lets the sandboxed render frame (an opaque origin, see
 * renderer/src/mermaid/frameElement.ts) load the app's scripts, which are served to any origin
 * (`scriptCorsHeaders`); nothing else is.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: true },
} as const;

const SCRIPT_EXTENSIONS: ReadonlySet<string> = new Set(['.js', '.mjs']);

/**
 * The render frame is sandboxed (opaque origin), so its module scripts are cross-origin requests.
 * The app's JavaScript is the same for everyone and carries no secrets: it may be read by any
 * origin, without credentials. Pages, data and everything else stay same-origin only.
 */
export function scriptCorsHeaders(file: string): Readonly<Record<string, string>> {
  return SCRIPT_EXTENSIONS.has(extname(file).toLowerCase()) ? { 'access-control-allow-origin': '*' } : {};
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResult =
  | { readonly ok: true; readonly file: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

const refuse = (status: 400 | 403 | 404, reason: string): AppPathResult => ({ ok: false, status, reason });

/**
 * Maps an `app://sysdrill/…` URL to a file inside `rendererDir`, by text alone (no disk access).
 * Refuses, rather than normalises, anything that could name a file elsewhere: `..` or `.` segments
 * (plain or percent-encoded), encoded separators, backslashes, NUL, drive letters, absolute paths
 * and other hosts. Symlinks are checked by `resolveAppFile`.
 */
export function appPathOf(candidate: string, rendererDir: string): AppPathResult {
  // The raw text first: the URL parser would silently resolve `..` and `%2e%2e` before we saw them.
  const rawPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(candidate)?.[1];
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(403, `not ${APP_ORIGIN}`);
  if (url.username !== '' || url.password !== '') return refuse(403, 'credentials in the URL');
  const path = rawPath === undefined || rawPath === '' || rawPath === '/' ? '/index.html' : rawPath;
  if (!path.startsWith('/') || path.startsWith('//')) return refuse(403, 'absolute path');
  const segments: string[] = [];
  for (const encoded of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..') return refuse(403, `path segment "${encoded}"`);
    if (/[/\\\0:]/.test(segment)) return refuse(403, `path segment "${encoded}" hides a separator or drive`);
    segments.push(segment);
  }
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return refuse(403, 'outside the app folder');
  return { ok: true, file };
}

export interface ProtocolFs {
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Uint8Array>;
}

const nodeFs: ProtocolFs = { realpath: (path) => realpath(path), readFile: (path) => readFile(path) };

/** `appPathOf`, then the same check on the real path: a symlink may not lead out of the folder. */
export async function resolveAppFile(candidate: string, rendererDir: string, fs: ProtocolFs = nodeFs): Promise<AppPathResult> {
  const mapped = appPathOf(candidate, rendererDir);
  if (!mapped.ok) return mapped;
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fs.realpath(resolve(rendererDir));
    realFile = await fs.realpath(mapped.file);
  } catch {
    return refuse(404, 'no such file');
  }
  const inside = relative(realRoot, realFile);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return refuse(403, 'a link out of the app folder');
  return { ok: true, file: realFile };
}

/**
 * The `protocol.handle('app', …)` handler: GET (or HEAD) of a file of the renderer folder, with
 * its content type and `nosniff`; every refusal is an empty response with its status.
 */
export function createAppProtocolHandler(rendererDir: string, fs: ProtocolFs = nodeFs): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const resolved = await resolveAppFile(request.url, rendererDir, fs);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    let body: Uint8Array;
    try {
      body = await fs.readFile(resolved.file);
    } catch {
      return new Response(null, { status: 404 });
    }
    const headers = { 'content-type': contentTypeOf(resolved.file), 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...scriptCorsHeaders(resolved.file) };
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}
