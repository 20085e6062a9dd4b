/** Mermaid's configuration, the same for the grader's parse (page) and the drawing (frame). */
import type { ParsedFlowchart, ParseError } from '../../../rubrics/parse/types';

export type DiagramTheme = 'light' | 'dark';

export type RenderResult = { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly error: string };

const MERMAID_THEME: Readonly<Record<DiagramTheme, string>> = { light: 'default', dark: 'dark' };

/**
 * What a drawing is for: the app's preview, or a file the user exports. An exported SVG is drawn
 * in the light theme at its natural size (no `max-width: 100%` scaling to a pane), and, like the
 * preview, with SVG text labels (`htmlLabels: false`), which viewers outside a browser can show.
 */
export type RenderPurpose = 'preview' | 'export';

export function mermaidConfig(theme: DiagramTheme, purpose: RenderPurpose = 'preview'): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    // Without this, a failed render draws Mermaid's "syntax error" picture into the page.
    suppressErrorRendering: true,
    // Labels as SVG text: no HTML inside the SVG at all, so markup in a label shows as text.
    htmlLabels: false,
    flowchart: purpose === 'export' ? { htmlLabels: false, useMaxWidth: false } : { htmlLabels: false },
    theme: MERMAID_THEME[theme],
    // Keys a `%%{init}%%` directive or front matter in the user's text may not change.
    secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering', 'htmlLabels', 'flowchart', 'dompurifyConfig', 'theme', 'themeVariables', 'themeCSS'],
  };
}

/**
 * The message shown for a Mermaid failure: its first line, except where Mermaid's own text would
 * be meaningless to the user (a stack overflow on a huge label or a deeply nested diagram).
 */
export function renderErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const isStackOverflow = (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'RangeError') || /maximum call stack/i.test(message);
  if (isStackOverflow) return 'This diagram is too large to draw: a label or the nesting is too long. Shorten the longest label or split the diagram.';
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'Mermaid could not draw this diagram.';
}

/**
 * One Mermaid pass over the editor's text: the flowchart the grader reads and its drawing, or why
 * it does not parse (nothing is drawn then).
 */
export type DiagramCheck =
  | { readonly ok: false; readonly errors: readonly ParseError[] }
  | { readonly ok: true; readonly flowchart: ParsedFlowchart; readonly drawn: RenderResult };

/** What the render frame does for the page (frame.ts), over its port (frameChannel.ts). */
export interface FrameRenderer {
  render(text: string, theme: DiagramTheme, purpose?: RenderPurpose): Promise<RenderResult>;
  /**
   * Parses once and draws what it parsed (the live practice path). `onParsed` gets the flowchart
   * as soon as it is parsed, before it is drawn, so it can be graded while Mermaid draws.
   */
  check(text: string, theme: DiagramTheme, onParsed?: (flowchart: ParsedFlowchart) => void): Promise<DiagramCheck>;
}
