/** One thing Ctrl/Cmd+K can open: a prompt, a glossary entry or a command (a route). */
export interface QuickItem {
  readonly kind: 'Prompt' | 'Glossary' | 'Command';
  readonly title: string;
  readonly href: string;
}

/** Items whose title contains every word typed (any order, any case), prompts first, at most `limit`. */
export function filterItems(items: readonly QuickItem[], query: string, limit = 12): readonly QuickItem[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return items.filter((item) => words.every((w) => item.title.toLowerCase().includes(w))).slice(0, limit);
}
