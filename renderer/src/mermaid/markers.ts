/** Attributes the render frame writes into Mermaid's SVG and mountSvg.ts reads back. */
export const CSS_MARKER = 'data-sysdrill-css';
export const STYLE_MARKER = 'data-sysdrill-style';
