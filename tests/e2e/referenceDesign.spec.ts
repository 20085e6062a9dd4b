import type { Page } from '@playwright/test';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { expect, test } from './fixtures';

const urlShortener = loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts.find((p) => p.id === 'url-shortener');
/** A node label from the url-shortener reference design (checked against the prompt below). */
const REFERENCE_LABEL = 'Redirect service ×6';
const LOCKED_NOTE = 'Make an attempt first: the reference appears once your own diagram has been graded.';

async function openPrompt(page: Page, id: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, `#/prompt/${id}`));
  await expect(page.locator('.cm-content')).toBeVisible();
}

test('the reference design unlocks after the first graded attempt and stays unlocked after a reload', async ({ app }) => {
  const { page } = app;
  expect(urlShortener?.reference.mermaid).toContain(`[${REFERENCE_LABEL}]`);
  await openPrompt(page, 'url-shortener');

  const section = page.getByRole('region', { name: 'Reference design' });
  const showButton = section.getByRole('button', { name: 'Show the reference design' });
  const referenceDiagram = section.getByRole('region', { name: 'Reference diagram' });
  await expect(section.getByText(LOCKED_NOTE)).toBeVisible();
  await expect(showButton).toHaveCount(0);
  await expect(section.locator('details')).toHaveCount(0);
  await expect(page.getByTestId('diagram-preview')).toHaveCount(0);

  await page.locator('.cm-content').click();
  await page.keyboard.type('flowchart LR');
  await page.keyboard.press('Enter');
  await page.keyboard.type('User([Browser]) --> App[Shortener service]');
  await expect(page.getByTestId('score-total')).toBeVisible();
  await expect(showButton).toBeVisible();
  await expect(section.getByText(LOCKED_NOTE)).toHaveCount(0);
  // Revealing is lazy: nothing of the reference is drawn before the click.
  await expect(page.getByTestId('diagram-preview')).toHaveCount(1);

  await showButton.click();
  await expect(referenceDiagram.locator('svg')).toBeVisible();
  await expect(referenceDiagram.locator('g.node').filter({ hasText: REFERENCE_LABEL })).toHaveCount(1);
  const score = section.getByTestId('reference-score');
  await expect(score).toBeVisible();
  expect(Number(await score.textContent())).toBeGreaterThanOrEqual(90);
  await expect(section.getByText(urlShortener?.reference.rationale.slice(0, 60) ?? '-')).toBeVisible();
  await expect(section.getByLabel('Reference Mermaid source')).toHaveText(urlShortener?.reference.mermaid.trimEnd() ?? '-', { useInnerText: false });

  const naive = section.locator('details.reference-naive');
  await expect(naive.getByRole('listitem').first()).toBeHidden();
  await naive.locator('summary').click();
  await expect(naive.getByRole('listitem')).toHaveCount(urlShortener?.naive.mistakes.length ?? -1);

  // The draft is stored; after a reload it parses again, which unlocks the reference by itself.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(page.locator('.cm-content')).toContainText('Shortener service');
  await expect(showButton).toBeVisible();
  await expect(section.getByText(LOCKED_NOTE)).toHaveCount(0);
});
