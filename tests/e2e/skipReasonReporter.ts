import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints every skipped test with the reason it gave, so a skip is never silent. */
export default class SkipReasonReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = [...test.annotations, ...result.annotations].find((a) => a.type === 'skip')?.description ?? 'no reason given';
    this.skipped.push(`  - ${test.titlePath().filter(Boolean).join(' › ')}\n      reason: ${reason}`);
  }

  onEnd(): void {
    if (this.skipped.length > 0) console.log(`\nSkipped tests (${this.skipped.length}):\n${this.skipped.join('\n')}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
