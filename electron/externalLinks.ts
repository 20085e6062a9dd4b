/**
 * The only addresses Sysdrill ever hands to the operating system's browser. Anything else the
 * renderer tries to open is dropped. Compared exactly (after URL normalisation), https only.
 */
export const EXTERNAL_LINKS = {
  mermaidFlowchartSyntax: 'https://mermaid.js.org/syntax/flowchart.html',
  projectHome: 'https://github.com/sysdrill/sysdrill',
} as const;

const allowed = new Set<string>(Object.values(EXTERNAL_LINKS).map((url) => new URL(url).href));

export function isAllowedExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && allowed.has(url.href);
}
