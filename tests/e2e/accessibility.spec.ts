import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const GRADED = { timeout: 30_000 };

/** Serious and critical WCAG 2 A/AA violations on the page as it is (shadow roots included), as `rule: targets`. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen passes an axe-core scan in the ${theme} theme (no serious or critical violations)`, async ({ app }) => {
    test.setTimeout(180_000);
    const { page } = app;
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.getByRole('link', { name: /URL shortener/ }).first()).toBeVisible();
    expect(await seriousViolations(page), 'home').toEqual([]);

    await page.goto(page.url().replace(/#.*$/, '#/glossary'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), 'glossary').toEqual([]);

    await page.goto(page.url().replace(/#.*$/, '#/prompt/url-shortener'));
    await expect(page.locator('.cm-content')).toBeVisible();
    await page.locator('.cm-content').click();
    await page.keyboard.type('flowchart LR');
    await page.keyboard.press('Enter');
    await page.keyboard.type('User([Browser]) --> App[Shortener service]');
    await expect(page.getByTestId('score-total')).toBeVisible(GRADED);
    expect(await seriousViolations(page), 'practice').toEqual([]);
  });
}
