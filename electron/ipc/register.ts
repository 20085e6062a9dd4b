import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from './channels';
import { dispatch, type DispatchOptions } from './dispatch';
import type { HandlerContext } from './handlers';
import { fail } from './result';

/** What main knows about the frame a request came from. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Only the app's own top-level document may call main: not a sub-frame, not a page the window
 * was somehow navigated to. `isAppDocument` decides from the URL (see appEntry.ts).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, isAppDocument: (url: string) => boolean): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppDocument(frame.url);
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  ctx: HandlerContext,
  isAppDocument: (url: string) => boolean,
  options: DispatchOptions = {},
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, isAppDocument)) {
        return fail('forbidden', `${channel} may only be called by Sysdrill's own window.`);
      }
      return dispatch(ctx, channel, payload, options);
    });
  }
}
