/**
 * Runs `callback` in a task of its own once the coming frame has been painted (an animation frame
 * runs just before the paint; a task queued from it runs after). For work the user need not see in
 * the same frame as what prompted it. Returns a function that cancels it if it has not run yet.
 */
export function afterNextPaint(callback: () => void, scope: Pick<typeof globalThis, 'requestAnimationFrame' | 'cancelAnimationFrame' | 'setTimeout' | 'clearTimeout'> = globalThis): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = scope.requestAnimationFrame(() => {
    timer = scope.setTimeout(callback, 0);
  });
  return () => {
    scope.cancelAnimationFrame(frame);
    if (timer !== undefined) scope.clearTimeout(timer);
  };
}
