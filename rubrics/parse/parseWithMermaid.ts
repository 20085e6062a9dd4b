/**
 * The environment-independent half of parsing: input limits, line-preserving preprocessing,
 * the flowchart type check, conversion of Mermaid's db and of its errors. Each environment's
 * adapter (Node: `rubrics/parse/node/`, renderer: `renderer/src/mermaid/`) loads and initialises
 * its own Mermaid and delegates here. Imports no Mermaid: the instance is passed in.
 */
import { errorMessageOf, refusal, toParseError } from './errors';
import { fromMermaidDb, type MermaidFlowDb } from './fromMermaidDb';
import { withAuthorKinds } from './kindOverrides';
import { prepareSource, type PreparedSource } from './preprocess';
import type { ParseError, ParseResult } from './types';

/**
 * Input limits, checked before Mermaid runs. The text limit equals Mermaid's own `maxTextSize`
 * default (50 000 characters), so anything the grader accepts the editor preview can also
 * render; Mermaid's `maxEdges` default (500) is kept for the same reason and its error is
 * reported like any other. Parsing costs about 0.5–1 ms per node, so the worst accepted input
 * parses in a couple of seconds at most.
 */
export const PARSE_LIMITS = Object.freeze({ maxChars: 50_000, maxLines: 2_000 });

/** The part of the Mermaid API the parser uses (mermaid ~11.17). */
export interface MermaidLike {
  initialize(config: Record<string, unknown>): void;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: unknown }> };
}

/** The refusal for text over the limits (or empty), before Mermaid runs; undefined when it may be parsed. */
export function checkLimits(text: string): ParseResult | undefined {
  if (text.length > PARSE_LIMITS.maxChars) {
    return {
      ok: false,
      errors: [
        refusal(
          `Diagram too large: ${text.length} characters, the limit is ${PARSE_LIMITS.maxChars} (Mermaid's own maximum text size). Split it or remove detail.`,
        ),
      ],
    };
  }
  let lineCount = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCount++;
  if (lineCount > PARSE_LIMITS.maxLines) {
    return {
      ok: false,
      errors: [refusal(`Diagram too large: ${lineCount} lines, the limit is ${PARSE_LIMITS.maxLines}. Split it or remove detail.`)],
    };
  }
  if (text.trim() === '') {
    return { ok: false, errors: [refusal('The diagram is empty. Start with a header line such as `flowchart LR`.')] };
  }
  return undefined;
}

/** Mermaid's names for a flowchart: `flowchart-elk` is one laid out by ELK (`defaultRenderer: "elk"`). */
const FLOWCHART_TYPES: ReadonlySet<string> = new Set(['flowchart', 'flowchart-v2', 'flowchart-elk']);

/**
 * Mermaid reads the YAML of a front matter block before anything else, and refuses the diagram
 * when it is not valid YAML; the block is not handed over with the text (its config is not the
 * grader's), so it is read by Mermaid here on its own, ahead of a minimal flowchart. (The render
 * frame calls it too, so the preview refuses what the CLI refuses.)
 */
export async function frontMatterError(mermaid: MermaidLike, source: PreparedSource): Promise<ParseError | undefined> {
  for (const { block, line } of source.frontMatter) {
    try {
      await mermaid.mermaidAPI.getDiagramFromText(`${block}flowchart LR\n`);
    } catch (err) {
      const reason = (errorMessageOf(err).split('\n')[0] ?? '').trim();
      return Object.freeze({
        line,
        column: 1,
        message: `The front matter that starts on line ${line} is not valid YAML, so Mermaid reads nothing after it: ${reason}`,
        hint: 'Indent the front matter with spaces (YAML refuses tabs) and check its `key: value` lines, or remove it.',
        ...(source.lines[line - 1] === undefined ? {} : { excerpt: source.lines[line - 1] }),
      });
    }
  }
  return undefined;
}

/** Parses flowchart text with the given (initialised) Mermaid; never throws. */
export async function parseWithMermaid(mermaid: MermaidLike, text: string): Promise<ParseResult> {
  const refused = checkLimits(text);
  if (refused) return refused;
  const source = prepareSource(text);
  try {
    const yamlError = await frontMatterError(mermaid, source);
    if (yamlError !== undefined) return { ok: false, errors: [yamlError] };
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source.text);
    if (!FLOWCHART_TYPES.has(diagram.type)) {
      return {
        ok: false,
        errors: [
          refusal(
            `This is a Mermaid "${diagram.type}" diagram; Sysdrill grades flowcharts. Start with \`flowchart LR\` or \`graph TD\`.`,
            source.headerLine,
          ),
        ],
      };
    }
    return { ok: true, flowchart: withAuthorKinds(fromMermaidDb(diagram.db as MermaidFlowDb), text) };
  } catch (err) {
    return { ok: false, errors: [toParseError(err, source)] };
  }
}
