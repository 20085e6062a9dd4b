import type { App, Event, HandlerDetails, Session, Shell, WebContents } from 'electron';
import { isAllowedRequestUrl, type AppEntry } from './appEntry';
import { isAllowedExternalUrl } from './externalLinks';

/**
 * Electron's security checklist, applied in one place: every web contents may neither navigate
 * nor open windows nor attach webviews; the session denies every permission and cancels every
 * request that is not for the app's own files; only allow-listed https links reach the OS browser.
 */

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(contents: HardenableContents, shell: Pick<Shell, 'openExternal'>): void {
  const refuse = (event: Event): void => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    // Only after an exact match against the https allow-list (externalLinks.ts, tested).
    if (isAllowedExternalUrl(details.url)) void shell.openExternal(details.url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
}

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

export function hardenSession(session: HardenableSession, entry: AppEntry): void {
  session.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, respond) => {
    respond({ cancel: !isAllowedRequestUrl(details.url, entry) });
  });
}

/** Hooks every web contents the app will ever create (windows, devtools, anything). */
export function hardenApp(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
}
