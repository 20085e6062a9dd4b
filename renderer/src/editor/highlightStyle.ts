import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/**
 * Mermaid syntax colours as CSS variables (defined with light-dark() in styles.css), so one
 * highlight style follows the light, dark and system themes.
 */
export const diagramHighlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.modifier], color: 'var(--syntax-keyword)' },
  { tag: [tags.string, tags.content], color: 'var(--syntax-string)' },
  { tag: tags.lineComment, color: 'var(--syntax-comment)', fontStyle: 'italic' },
  { tag: tags.number, color: 'var(--syntax-number)' },
  { tag: [tags.variableName, tags.typeName], color: 'var(--syntax-name)' },
  { tag: [tags.contentSeparator, tags.paren, tags.squareBracket, tags.brace, tags.angleBracket], color: 'var(--syntax-punctuation)' },
]);
