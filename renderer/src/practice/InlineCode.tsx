import type { JSX } from 'react';

/** Text where `backticked` parts (node ids, Mermaid snippets) are shown as code. Never parses markup. */
export function InlineCode(props: { readonly text: string }): JSX.Element {
  const parts = props.text.split('`');
  // An odd number of backticks leaves the last one unmatched: show it as typed.
  const balanced = parts.length % 2 === 1;
  return (
    <>
      {parts.map((part, index) => {
        if (index % 2 === 0) return <span key={index}>{part}</span>;
        if (!balanced && index === parts.length - 1) return <span key={index}>{`\`${part}`}</span>;
        return <code key={index}>{part}</code>;
      })}
    </>
  );
}
