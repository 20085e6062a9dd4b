/**
 * jsdom has no layout engine: Range lacks getClientRects/getBoundingClientRect, which CodeMirror
 * calls when it measures. Empty rectangles are what a zero-size layout would return.
 */
export function installJsdomLayoutStubs(): void {
  const emptyRect = (): DOMRect => ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) });
  const emptyList = (): DOMRectList => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  if (typeof Range.prototype.getClientRects !== 'function') Range.prototype.getClientRects = emptyList;
  if (typeof Range.prototype.getBoundingClientRect !== 'function') Range.prototype.getBoundingClientRect = emptyRect;
}
