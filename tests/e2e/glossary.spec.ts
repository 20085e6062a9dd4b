import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadGlossary } from '../../prompts/node/glossary';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { CONCEPT_IDS } from '../../rubrics/vocabulary';
import { launchApp } from './harness';
import { expect, test } from './fixtures';

const loaded = loadGlossary();
if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
const glossary = loaded.glossary;
const prompts = loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts;

function conceptTitle(id: string): string {
  const entry = glossary.concepts.find((c) => c.id === id);
  if (entry === undefined) throw new Error(`glossary entry ${id} is missing`);
  return entry.title;
}

const entries = (page: Page) => page.locator('article.concept');
const entry = (page: Page, id: string) => page.locator(`article.concept[data-concept="${id}"]`);

async function openGlossary(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Glossary' }).click();
  await expect(page).toHaveURL(/#\/glossary$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
}

test('the glossary opens from the header and lists every concept', async ({ app }) => {
  const { page } = app;
  await openGlossary(page);
  await expect(entries(page)).toHaveCount(CONCEPT_IDS.length);
  expect((await entries(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-concept')))).sort()).toEqual([...CONCEPT_IDS].sort());
  for (const id of CONCEPT_IDS) {
    const article = page.getByRole('article', { name: conceptTitle(id), exact: true });
    await expect(article.getByRole('heading', { level: 2 })).toHaveText(conceptTitle(id));
    await expect(article.getByRole('heading', { name: 'Trade-offs' })).toBeVisible();
  }
  // The load-balancing rule cites single points of failure; the entry says so in words.
  await expect(entry(page, 'single-point-of-failure').getByRole('region', { name: 'Graded by' })).toContainText('Load balancing');
});

test('the filter narrows the list and clearing it brings everything back', async ({ app }) => {
  const { page } = app;
  await openGlossary(page);
  const box = page.getByRole('searchbox', { name: 'Filter concepts' });
  await box.fill('websocket');
  await expect(entry(page, 'realtime-transport')).toBeVisible();
  await expect(entry(page, 'dns')).toHaveCount(0);
  const shown = await entries(page).count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(CONCEPT_IDS.length);
  await expect(page.getByRole('status')).toHaveText(`${shown} of ${CONCEPT_IDS.length} concepts`);

  await box.fill('no concept is called this');
  await expect(entries(page)).toHaveCount(0);
  await expect(page.getByText('No concept matches')).toBeVisible();

  await box.fill('');
  await expect(entries(page)).toHaveCount(CONCEPT_IDS.length);
});

test('a "Practised in" link opens that prompt', async ({ app }) => {
  const { page } = app;
  await openGlossary(page);
  const practising = prompts.filter((p) => p.concepts.includes('caching'));
  expect(practising.length).toBeGreaterThan(0);
  const region = entry(page, 'caching').getByRole('region', { name: 'Practised in' });
  await expect(region.getByRole('link')).toHaveText(practising.map((p) => p.title));
  const target = practising[0];
  if (target === undefined) throw new Error('no prompt practises caching');
  await region.getByRole('link', { name: target.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/prompt/${target.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: target.title })).toBeVisible();
});

test('a concept chip on a prompt opens its glossary entry', async ({ app }) => {
  const { page } = app;
  const prompt = prompts.find((p) => p.id === 'url-shortener');
  if (prompt === undefined) throw new Error('url-shortener prompt is missing');
  await page.getByRole('link', { name: prompt.title, exact: true }).click();
  const chips = page.getByRole('list', { name: 'Concepts' });
  await expect(chips.getByRole('link')).toHaveText(prompt.concepts.map(conceptTitle));

  const concept = prompt.concepts[prompt.concepts.length - 1];
  if (concept === undefined) throw new Error('prompt has no concepts');
  await chips.getByRole('link', { name: conceptTitle(concept), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/glossary/${concept}$`));
  const selected = entry(page, concept);
  await expect(selected).toHaveClass(/concept-selected/);
  await expect(selected.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(selected).toBeInViewport();
  await expect(page.locator('article.concept-selected')).toHaveCount(1);
});

test('a glossary file that does not load is shown as an error, and the rest of the app works', async ({ browser, userDataDir }) => {
  const broken = join(userDataDir, 'glossary.yaml');
  writeFileSync(broken, 'concepts:\n  - id: dns\n    title: [unclosed\n');
  const app = await launchApp({ userDataDir, browser, glossaryFile: broken });
  try {
    const { page } = app;
    await openGlossary(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('the glossary could not be loaded');
    await expect(alert).toContainText(broken);
    await page.getByRole('link', { name: '← All prompts' }).click();
    await expect(page.getByRole('list', { name: 'Prompts' }).getByRole('link')).toHaveCount(prompts.length);
    expect(app.internalErrors).toEqual([]);
  } finally {
    await app.close();
  }
});
