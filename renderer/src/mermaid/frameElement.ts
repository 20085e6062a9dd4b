import { CONNECT_MESSAGE, connectFrameRenderer, type FrameConnection } from './frameChannel';
import type { FrameHandle } from './renderHost';

/** Built next to index.html by electron-vite (renderer/mermaid-frame.html). */
const FRAME_PAGE = './mermaid-frame.html';

/**
 * Opens the render frame: a hidden, off-screen (but laid out) iframe of the app's own file,
 * sandboxed with scripts only. Its origin is opaque, so it can reach nothing of the page's, and
 * Chromium runs it in a process of its own: Mermaid draws while the page keeps taking keystrokes.
 * The page hands it one MessagePort when it loads (frameChannel.ts); only its own realm is adapted
 * for Mermaid (frameGuard.ts).
 */
export function openFrameElement(doc: Document = document): FrameHandle {
  const iframe = doc.createElement('iframe');
  iframe.className = 'mermaid-render-frame';
  iframe.title = 'Diagram renderer';
  iframe.tabIndex = -1;
  iframe.setAttribute('aria-hidden', 'true');
  iframe.setAttribute('sandbox', 'allow-scripts');
  // Through CSSOM (allowed by the CSP), not a style attribute.
  iframe.style.cssText = 'position:absolute;left:-100000px;top:0;width:2000px;height:1200px;border:0;visibility:hidden';
  let connection: FrameConnection | undefined;
  const ready = new Promise<FrameConnection>((resolve, reject) => {
    iframe.addEventListener(
      'load',
      () => {
        const target = iframe.contentWindow;
        // A document the page can reach is not the sandboxed frame (jsdom, for one, has no
        // sandbox): Mermaid is never run there.
        if (target === null || iframe.contentDocument !== null) {
          reject(new Error('the render frame is not isolated from the page'));
          return;
        }
        const channel = new MessageChannel();
        connection = connectFrameRenderer(channel.port1);
        // '*': an opaque origin cannot be named. The message holds only the port, and goes to the
        // frame this page just loaded from its own file (the sandbox forbids it to navigate away).
        target.postMessage({ type: CONNECT_MESSAGE }, '*', [channel.port2]);
        resolve(connection);
      },
      { once: true },
    );
  }).then((opened) => opened.ready);
  iframe.src = FRAME_PAGE;
  doc.body.append(iframe);
  return {
    ready,
    dispose: () => {
      connection?.close();
      iframe.remove();
    },
  };
}
