import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';

export interface AppFixtures {
  /** A fresh, empty user data folder for this test (removed afterwards). */
  userDataDir: string;
  /** Sysdrill launched on `userDataDir`, sharing the worker's browser. */
  app: LaunchedApp;
}

export const test = base.extend<AppFixtures>({
  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'sysdrill-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ browser, userDataDir }, use) => {
    const app = await launchApp({ userDataDir, browser });
    const pageErrors: string[] = [];
    app.page.on('pageerror', (error) => pageErrors.push(error.message));
    app.page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await use(app);
    await app.close();
    expect(pageErrors, 'errors in the page (CSP violations included)').toEqual([]);
    expect(app.internalErrors, 'internal errors in main-process handlers').toEqual([]);
  },
});

export { expect };
