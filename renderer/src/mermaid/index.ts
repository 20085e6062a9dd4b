/**
 * The renderer's Mermaid adapter: the only renderer code that touches Mermaid (ESLint enforces
 * it). The grader's parse runs in the page (Mermaid loaded on first use, so the home screen never
 * pays for it); drawing runs in a render frame of its own (frame.ts), so nothing the page shares
 * is ever patched.
 */
import type { MermaidLike } from '../../../rubrics/parse/parseWithMermaid';
import { parseWithMermaid } from '../../../rubrics/parse/parseWithMermaid';
import type { ParsedFlowchart, ParseResult } from '../../../rubrics/parse/types';
import { mermaidConfig, renderErrorMessage, type DiagramCheck, type DiagramTheme, type RenderResult } from './config';
import { realElapsedMs } from '../realElapsed';
import { openFrameElement } from './frameElement';
import { longLineError } from './limits';
import { neutraliseSource } from './markup';
import { createRenderHost, type RenderHost } from './renderHost';
import { standaloneSvg } from './standaloneSvg';

export { mountSvg, type MountedSvg } from './mountSvg';
export type { DiagramCheck, DiagramTheme, RenderResult } from './config';

/** Opening the frame (first time: loading Mermaid) and each render must finish within this. */
export const RENDER_TIMEOUT_MS = 20_000;

let loading: Promise<MermaidLike> | undefined;

function loadMermaid(): Promise<MermaidLike> {
  loading ??= import('mermaid').then((module) => {
    const mermaid = module.default as unknown as MermaidLike;
    mermaid.initialize(mermaidConfig('light'));
    return mermaid;
  });
  return loading;
}

/**
 * Parses for the grader (`rubrics/`): located errors with fix hints, or the parsed flowchart.
 * Handler and style attributes in label markup are defused first (same length, so positions
 * hold): DOMPurify strips them anyway, but the browser would report each as a CSP violation.
 */
export async function parseForGrading(text: string): Promise<ParseResult> {
  const tooLong = longLineError(text);
  if (tooLong !== undefined) return { ok: false, errors: [tooLong] };
  // A parse is followed by a drawing: let the render frame load Mermaid at the same time.
  if (typeof document !== 'undefined' && document.body !== null) renderHost().warm();
  const mermaid = await loadMermaid();
  const result = await parseWithMermaid(mermaid, neutraliseSource(text));
  if (result.ok) return result;
  // Mermaid's lexer can overflow the stack on a huge label: say so in words the user can act on.
  return { ...result, errors: result.errors.map((error) => (/maximum call stack/i.test(error.message) ? { ...error, message: renderErrorMessage(new RangeError(error.message)) } : error)) };
}

let host: RenderHost | undefined;

function renderHost(): RenderHost {
  host ??= createRenderHost({ openFrame: () => openFrameElement(document), timeoutMs: RENDER_TIMEOUT_MS, now: realElapsedMs });
  return host;
}

/** Draws the diagram to SVG text in the render frame (show it with `mountSvg`). */
export function renderDiagram(text: string, theme: DiagramTheme = 'light'): Promise<RenderResult> {
  const tooLong = longLineError(text);
  if (tooLong !== undefined) return Promise.resolve({ ok: false, error: tooLong.message });
  return renderHost().render(text, theme);
}

/**
 * The live editor's path: parses once and draws what parsed, both in the render frame (one
 * Mermaid pass), so the page itself never loads Mermaid for it.
 */
export function checkDiagram(text: string, theme: DiagramTheme, onParsed?: (flowchart: ParsedFlowchart) => void): Promise<DiagramCheck> {
  const tooLong = longLineError(text);
  if (tooLong !== undefined) return Promise.resolve({ ok: false, errors: [tooLong] });
  return renderHost().check(text, theme, onParsed);
}

/**
 * Draws the diagram for a file the user keeps: light theme, natural size, labels as SVG text
 * (`htmlLabels: false`), styles inline so the file shows the same outside Sysdrill.
 */
export async function renderDiagramForExport(text: string): Promise<RenderResult> {
  const tooLong = longLineError(text);
  if (tooLong !== undefined) return { ok: false, error: tooLong.message };
  const result = await renderHost().render(text, 'light', 'export');
  return result.ok ? { ok: true, svg: standaloneSvg(result.svg) } : result;
}
