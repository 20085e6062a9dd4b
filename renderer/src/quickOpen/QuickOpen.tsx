import { useEffect, useState, type JSX } from 'react';
import { callApi } from '../api';
import { routeHref } from '../route';
import { filterItems, type QuickItem } from './items';

const COMMANDS: readonly QuickItem[] = [
  { kind: 'Command', title: 'All prompts', href: routeHref({ screen: 'home' }) },
  { kind: 'Command', title: 'Glossary', href: routeHref({ screen: 'glossary' }) },
];

/** Ctrl/Cmd+K: type to find a prompt, a glossary entry or a command; Enter opens the first, Escape closes. */
export function QuickOpen(): JSX.Element | null {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<readonly QuickItem[]>(COMMANDS);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        setOpen(true);
        setQuery('');
        void Promise.all([callApi((api) => api.listPrompts()), callApi((api) => api.getGlossary())]).then(([prompts, glossary]) => {
          setItems([
            ...(prompts.ok ? prompts.value.prompts.map((p): QuickItem => ({ kind: 'Prompt', title: p.title, href: routeHref({ screen: 'prompt', promptId: p.id }) })) : []),
            ...(glossary.ok ? glossary.value.concepts.map((c): QuickItem => ({ kind: 'Glossary', title: c.title, href: routeHref({ screen: 'glossary', conceptId: c.id }) })) : []),
            ...COMMANDS,
          ]);
        });
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  if (!open) return null;
  const shown = filterItems(items, query);
  const go = (href: string): void => {
    setOpen(false);
    window.location.hash = href;
  };
  return (
    <div className="quick-open-backdrop" onClick={() => setOpen(false)}>
      <div className="quick-open" role="dialog" aria-modal="true" aria-label="Quick open" onClick={(event) => event.stopPropagation()}>
        <input
          type="search"
          autoFocus
          aria-label="Find a prompt, glossary entry or command"
          placeholder="Find a prompt, glossary entry or command…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
            const [first] = shown;
            if (event.key === 'Enter' && first !== undefined) go(first.href);
          }}
        />
        <ul className="quick-open-list">
          {shown.map((item) => (
            <li key={`${item.kind}-${item.href}`}>
              <a href={item.href} onClick={() => setOpen(false)}>
                <span className="muted small">{item.kind}</span> {item.title}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
