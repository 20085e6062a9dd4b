import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './protocol';

/**
 * Where the renderer comes from: the built renderer folder served as `app://sysdrill/` (see
 * protocol.ts), or (only in `npm run dev`) electron-vite's dev server on localhost. Every "is
 * this our own page?" check derives from it.
 */
export type AppEntry =
  | { readonly kind: 'app'; readonly url: string; readonly rendererDir: string }
  | { readonly kind: 'dev-server'; readonly url: string };

export function chooseAppEntry(options: {
  readonly isPackaged: boolean;
  readonly devServerUrl: string | undefined;
  readonly rendererDir: string;
}): AppEntry {
  if (!options.isPackaged && options.devServerUrl !== undefined && isLoopbackHttpUrl(options.devServerUrl)) {
    return { kind: 'dev-server', url: options.devServerUrl };
  }
  return { kind: 'app', url: APP_INDEX_URL, rendererDir: options.rendererDir };
}

function isLoopbackHttpUrl(candidate: string): boolean {
  const url = parseUrl(candidate);
  return url !== undefined && url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function parseUrl(candidate: string): URL | undefined {
  try {
    return new URL(candidate);
  } catch {
    return undefined;
  }
}

/** True when `candidate` is the app's own document (any #route or ?query of it). */
export function isAppDocumentUrl(candidate: string, entry: AppEntry): boolean {
  const url = parseUrl(candidate);
  if (url === undefined) return false;
  if (entry.kind === 'dev-server') return url.origin === new URL(entry.url).origin;
  return isAppOriginUrl(url) && url.pathname === new URL(entry.url).pathname;
}

function isAppOriginUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * True for the requests the app's page may make: its own origin (the protocol handler then
 * serves only files of the renderer folder), inline data: images and, in dev, the dev server
 * (including its HMR websocket). Everything else — any remote origin, any file:// URL — is
 * cancelled.
 */
export function isAllowedRequestUrl(candidate: string, entry: AppEntry): boolean {
  const url = parseUrl(candidate);
  if (url === undefined) return false;
  if (url.protocol === 'data:' || url.protocol === 'devtools:') return true;
  if (entry.kind === 'dev-server') {
    const dev = new URL(entry.url);
    return (url.protocol === 'http:' || url.protocol === 'ws:') && url.host === dev.host;
  }
  return isAppOriginUrl(url);
}
