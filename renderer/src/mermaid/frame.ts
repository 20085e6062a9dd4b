/**
 * The render frame's own entry (renderer/mermaid-frame.html): a hidden, sandboxed iframe (opaque
 * origin, its own process) whose document and JavaScript realm hold nothing but Mermaid. Its
 * prototypes are adapted to the CSP once (frameGuard.ts); the app's page shares none of them. The
 * page sends requests over a MessagePort (frameChannel.ts) and abandons the whole frame when a
 * render hangs (renderHost.ts).
 */
import { toParseError } from '../../../rubrics/parse/errors';
import { fromMermaidDb, type MermaidFlowDb } from '../../../rubrics/parse/fromMermaidDb';
import { withAuthorKinds } from '../../../rubrics/parse/kindOverrides';
import { checkLimits, frontMatterError, parseWithMermaid, type MermaidLike } from '../../../rubrics/parse/parseWithMermaid';
import { prepareSource } from '../../../rubrics/parse/preprocess';
import type { ParsedFlowchart, ParseError } from '../../../rubrics/parse/types';
import { mermaidConfig, renderErrorMessage, type DiagramCheck, type DiagramTheme, type FrameRenderer, type RenderPurpose, type RenderResult } from './config';
import { isConnectMessage, serveFrameRenderer } from './frameChannel';
import { guardRenderRealm, releasingAdoptedSheets } from './frameGuard';
import { neutraliseSource } from './markup';

interface MermaidRender extends MermaidLike {
  render(id: string, text: string, container?: Element): Promise<{ svg: string }>;
}

/** What Mermaid hands a diagram's renderer when it draws: the parsed diagram, db included. */
interface DrawnDiagram {
  readonly type: string;
  readonly db: unknown;
}
interface DiagramRenderer {
  draw(text: string, id: string, version: string, diagram: DrawnDiagram): Promise<void> | void;
}

guardRenderRealm(window);

// Loaded as soon as the frame opens (the page opens it on its first parse), not on first render.
const loading: Promise<MermaidRender> = import('mermaid').then((module) => module.default as unknown as MermaidRender);
let currentConfig: string | undefined;
let renderCount = 0;

/** Receives each flowchart Mermaid parses inside `render`, just before it is drawn. */
let onFlowchartParsed: ((diagram: DrawnDiagram) => void) | undefined;
let flowchartHooked: Promise<void> | undefined;

/**
 * Mermaid's `render` parses the text and hands the parsed diagram to the diagram type's renderer.
 * Wrapping the flowchart renderer's `draw` lets one `render` give the grader its flowchart too,
 * so the editor's text is parsed once per change instead of once for grading and once for drawing.
 * (`graph` and `flowchart` headers share this renderer.)
 */
function hookFlowchart(mermaid: MermaidRender): Promise<void> {
  flowchartHooked ??= mermaid.mermaidAPI.getDiagramFromText('flowchart LR\n  a').then((diagram) => {
    const renderer = (diagram as unknown as { renderer: DiagramRenderer }).renderer;
    const draw = renderer.draw.bind(renderer);
    renderer.draw = (text, id, version, parsed) => {
      onFlowchartParsed?.(parsed);
      return draw(text, id, version, parsed);
    };
  });
  return flowchartHooked;
}

async function render(text: string, theme: DiagramTheme, purpose: RenderPurpose = 'preview'): Promise<RenderResult> {
  try {
    return { ok: true, svg: await draw(neutraliseSource(prepareSource(text).text), theme, purpose) };
  } catch (error) {
    return { ok: false, error: renderErrorMessage(error) };
  }
}

function configure(mermaid: MermaidRender, theme: DiagramTheme, purpose: RenderPurpose = 'preview'): void {
  if (`${theme}/${purpose}` === currentConfig) return;
  mermaid.initialize(mermaidConfig(theme, purpose === 'export' ? 'export' : 'preview'));
  currentConfig = `${theme}/${purpose}`;
}

/** Draws prepared text with Mermaid in a laid-out box of the frame; throws what Mermaid throws. */
async function draw(prepared: string, theme: DiagramTheme, purpose: RenderPurpose = 'preview'): Promise<string> {
  renderCount += 1;
  const id = `sysdrill-diagram-${renderCount}`;
  const box = document.createElement('div');
  try {
    const mermaid = await loading;
    configure(mermaid, theme, purpose);
    // Laid out (Mermaid measures text while it draws); the frame itself is off-screen.
    box.style.cssText = 'width:2000px';
    document.body.append(box);
    // Comments (and so `%%{init}%%` directives) blanked, markup defused, line numbers kept.
    const { svg } = await releasingAdoptedSheets(document, () => mermaid.render(id, prepared, box));
    return svg;
  } finally {
    box.remove();
    for (const strayId of [id, `d${id}`, `i${id}`]) document.getElementById(strayId)?.remove();
  }
}

function stackOverflowWorded(error: ParseError): ParseError {
  // Mermaid's lexer can overflow the stack on a huge label: say so in words the user can act on.
  return /maximum call stack/i.test(error.message) ? { ...error, message: renderErrorMessage(new RangeError(error.message)) } : error;
}

/**
 * One Mermaid pass: parse (the flowchart for the grader, or located errors) and draw what parsed.
 * The same limits, preprocessing and error wording as the grader's own parse (parseWithMermaid).
 */
async function check(text: string, theme: DiagramTheme, onParsed?: (flowchart: ParsedFlowchart) => void): Promise<DiagramCheck> {
  const source = prepareSource(neutraliseSource(text));
  const refused = checkLimits(text);
  if (refused !== undefined && !refused.ok) return refused;
  const mermaid = await loading;
  configure(mermaid, theme);
  // Front matter is blanked before Mermaid sees the text, so its YAML is checked on its own.
  const yamlError = await frontMatterError(mermaid, source);
  if (yamlError !== undefined) return { ok: false, errors: [yamlError] };
  await hookFlowchart(mermaid);
  let flowchart: ParsedFlowchart | undefined;
  let drawn: RenderResult;
  onFlowchartParsed = (diagram) => {
    flowchart = withAuthorKinds(fromMermaidDb(diagram.db as MermaidFlowDb), neutraliseSource(text));
    // The page's own failure must not stop the drawing.
    try {
      onParsed?.(flowchart);
    } catch {
      // ignored: the page still gets the flowchart with the result
    }
  };
  try {
    drawn = { ok: true, svg: await draw(source.text, theme) };
  } catch (error) {
    if (flowchart === undefined) return { ok: false, errors: [stackOverflowWorded(toParseError(error, source))] };
    drawn = { ok: false, error: renderErrorMessage(error) };
  } finally {
    onFlowchartParsed = undefined;
  }
  if (flowchart !== undefined) return { ok: true, flowchart, drawn };
  // It parsed but is not a flowchart: the grader's own parse words why (rare, so parsed again).
  const parsed = await parseWithMermaid(mermaid, neutraliseSource(text));
  return parsed.ok ? { ok: true, flowchart: parsed.flowchart, drawn } : { ok: false, errors: parsed.errors.map(stackOverflowWorded) };
}

const api: FrameRenderer = Object.freeze({ render, check });

// Only the page that holds this frame may connect, from the app's own origin (the URL's origin:
// this document's own is opaque). Each connection is a port of its own.
window.addEventListener('message', (event) => {
  const [port] = event.ports;
  if (event.source !== window.parent || event.origin !== location.origin || !isConnectMessage(event.data) || port === undefined || event.ports.length !== 1) return;
  serveFrameRenderer(port, api);
});
