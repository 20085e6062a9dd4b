import { FRAME_GLOBAL, type FrameRenderer } from './config';
import type { FrameHandle } from './renderHost';

/** Built next to index.html by electron-vite (renderer/mermaid-frame.html). */
const FRAME_PAGE = './mermaid-frame.html';

/**
 * Opens the render frame: a hidden, off-screen (but laid out) same-origin iframe of the app's
 * own origin. Only its own realm is adapted for Mermaid (frameGuard.ts).
 */
export function openFrameElement(doc: Document = document): FrameHandle {
  const iframe = doc.createElement('iframe');
  iframe.className = 'mermaid-render-frame';
  iframe.title = 'Diagram renderer';
  iframe.tabIndex = -1;
  iframe.setAttribute('aria-hidden', 'true');
  // Through CSSOM (allowed by the CSP), not a style attribute.
  iframe.style.cssText = 'position:absolute;left:-100000px;top:0;width:2000px;height:1200px;border:0;visibility:hidden';
  const ready = new Promise<FrameRenderer>((resolve, reject) => {
    iframe.addEventListener(
      'load',
      () => {
        const renderer = (iframe.contentWindow as unknown as Record<string, FrameRenderer | undefined> | null)?.[FRAME_GLOBAL];
        if (renderer === undefined) reject(new Error('the render frame has no renderer'));
        else resolve(renderer);
      },
      { once: true },
    );
  });
  iframe.src = FRAME_PAGE;
  doc.body.append(iframe);
  return { ready, dispose: () => iframe.remove() };
}
