import type { JSX } from 'react';

export function TagList(props: { readonly tags: readonly string[] }): JSX.Element {
  return (
    <ul className="tags" aria-label="Tags">
      {props.tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
