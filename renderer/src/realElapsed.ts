/**
 * Milliseconds elapsed, from the document's animation timeline: real time even under a page's
 * fake clock (Playwright's `page.clock` moves `performance.now`, `Date` and timers by minutes in
 * the mock-interview tests). A time-out armed with `setTimeout` checks this when it fires, and
 * re-arms for the rest when the timer came early, so a jump of the page's clock never times out
 * work that is still well within its real budget.
 */
export function realElapsedMs(): number {
  const time = typeof document === 'undefined' ? null : document.timeline?.currentTime;
  return typeof time === 'number' ? time : performance.now();
}
