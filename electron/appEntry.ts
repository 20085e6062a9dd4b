import { fileURLToPath } from 'node:url';
import { dirname, relative, isAbsolute, sep } from 'node:path';

/**
 * Where the renderer comes from: the built `index.html` on disk, or (only in `npm run dev`)
 * electron-vite's dev server on localhost. Every "is this our own page?" check derives from it.
 */
export type AppEntry =
  | { readonly kind: 'file'; readonly indexFile: string }
  | { readonly kind: 'dev-server'; readonly url: string };

export function chooseAppEntry(options: {
  readonly isPackaged: boolean;
  readonly devServerUrl: string | undefined;
  readonly indexFile: string;
}): AppEntry {
  if (!options.isPackaged && options.devServerUrl !== undefined && isLoopbackHttpUrl(options.devServerUrl)) {
    return { kind: 'dev-server', url: options.devServerUrl };
  }
  return { kind: 'file', indexFile: options.indexFile };
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
  if (url.protocol !== 'file:') return false;
  url.hash = '';
  url.search = '';
  return filePathOf(url) === entry.indexFile;
}

/**
 * True for the requests the app's page may make: its own files (the renderer folder), inline
 * data: images and, in dev, the dev server (including its HMR websocket). Everything else —
 * in particular any remote origin — is cancelled.
 */
export function isAllowedRequestUrl(candidate: string, entry: AppEntry): boolean {
  const url = parseUrl(candidate);
  if (url === undefined) return false;
  if (url.protocol === 'data:' || url.protocol === 'devtools:') return true;
  if (entry.kind === 'dev-server') {
    const dev = new URL(entry.url);
    return (url.protocol === 'http:' || url.protocol === 'ws:') && url.host === dev.host;
  }
  if (url.protocol !== 'file:') return false;
  const path = filePathOf(url);
  if (path === undefined) return false;
  const inside = relative(dirname(entry.indexFile), path);
  return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside);
}

function filePathOf(url: URL): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}
