/**
 * The renderer's Mermaid adapter: the only renderer code that touches Mermaid (ESLint enforces
 * it). Mermaid is loaded on first use (dynamic import), so the home screen never pays for it.
 */
import type { MermaidLike } from '../../../rubrics/parse/parseWithMermaid';
import { parseWithMermaid } from '../../../rubrics/parse/parseWithMermaid';
import { prepareSource } from '../../../rubrics/parse/preprocess';
import type { ParseResult } from '../../../rubrics/parse/types';
import { runGuarded } from './cspGuard';

export { mountSvg, type MountedSvg } from './mountSvg';

export type DiagramTheme = 'light' | 'dark';

export type RenderResult = { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly error: string };

interface MermaidApi extends MermaidLike {
  render(id: string, text: string, container?: Element): Promise<{ svg: string }>;
}

const MERMAID_THEME: Readonly<Record<DiagramTheme, string>> = { light: 'default', dark: 'dark' };

function config(theme: DiagramTheme): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    // Without this, a failed render draws Mermaid's "syntax error" picture into the page.
    suppressErrorRendering: true,
    // Labels as SVG text: no HTML inside the SVG at all, so markup in a label shows as text.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    theme: MERMAID_THEME[theme],
    // Keys a `%%{init}%%` directive or front matter in the user's text may not change.
    secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering', 'htmlLabels', 'flowchart', 'dompurifyConfig', 'theme', 'themeVariables', 'themeCSS'],
  };
}

let loading: Promise<MermaidApi> | undefined;
let currentTheme: DiagramTheme = 'light';

function loadMermaid(): Promise<MermaidApi> {
  loading ??= import('mermaid').then((module) => {
    const mermaid = module.default as unknown as MermaidApi;
    mermaid.initialize(config(currentTheme));
    return mermaid;
  });
  return loading;
}

/** Call inside `runGuarded` only, so a theme switch never lands in the middle of another call. */
function applyTheme(mermaid: MermaidApi, theme: DiagramTheme): void {
  if (theme === currentTheme) return;
  currentTheme = theme;
  mermaid.initialize(config(theme));
}

/** Parses for the grader (`rubrics/`): located errors with fix hints, or the parsed flowchart. */
export async function parseForGrading(text: string): Promise<ParseResult> {
  const mermaid = await loadMermaid();
  return runGuarded(undefined, () => parseWithMermaid(mermaid, text));
}

let renderCount = 0;

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'Mermaid could not draw this diagram.';
}

/**
 * Draws the diagram to SVG text (show it with `mountSvg`). Each call uses a fresh element id, and
 * whatever Mermaid put in the page while drawing is removed afterwards, error or not.
 */
export async function renderDiagram(text: string, theme: DiagramTheme = 'light'): Promise<RenderResult> {
  renderCount += 1;
  const id = `sysdrill-diagram-${renderCount}`;
  const box = document.createElement('div');
  box.className = 'mermaid-render-box';
  box.setAttribute('aria-hidden', 'true');
  try {
    const mermaid = await loadMermaid();
    return await runGuarded(box, async () => {
      applyTheme(mermaid, theme);
      // Off-screen but laid out: Mermaid measures text while it draws.
      box.style.cssText = 'position:absolute;left:-100000px;top:0;width:2000px;visibility:hidden';
      document.body.append(box);
      // Comments (and so `%%{init}%%` directives) blanked, line numbers kept.
      const { svg } = await mermaid.render(id, prepareSource(text).text, box);
      return { ok: true, svg } as const;
    });
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  } finally {
    box.remove();
    for (const strayId of [id, `d${id}`, `i${id}`]) document.getElementById(strayId)?.remove();
  }
}
