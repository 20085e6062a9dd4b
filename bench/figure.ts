/** One named benchmark figure, as written to bench-results.json. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}
