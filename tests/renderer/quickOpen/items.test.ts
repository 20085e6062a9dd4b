import { describe, expect, it } from 'vitest';
import { filterItems, type QuickItem } from '../../../renderer/src/quickOpen/items';

const items: QuickItem[] = [
  { kind: 'Prompt', title: 'URL shortener', href: '#/prompt/url-shortener' },
  { kind: 'Prompt', title: 'Instagram-style photo sharing and feed', href: '#/prompt/instagram' },
  { kind: 'Glossary', title: 'Content delivery networks', href: '#/glossary/cdn' },
  { kind: 'Command', title: 'Glossary', href: '#/glossary' },
];

describe('filterItems', () => {
  it('keeps the items containing every typed word, in any order and case', () => {
    expect(filterItems(items, 'FEED photo').map((i) => i.href)).toEqual(['#/prompt/instagram']);
    expect(filterItems(items, 'gloss').map((i) => i.href)).toEqual(['#/glossary']);
  });

  it('lists everything (up to the limit) for an empty query', () => {
    expect(filterItems(items, '  ')).toHaveLength(4);
    expect(filterItems(items, '', 2).map((i) => i.title)).toEqual(['URL shortener', 'Instagram-style photo sharing and feed']);
  });
});
