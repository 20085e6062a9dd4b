import type { ArchitectureGraph } from '../model/types';
import type { GradingParams } from '../params';
import type { ConceptId, RuleId, Severity } from '../vocabulary';

/** One explained mistake, pointing at the Mermaid node ids involved (sorted). */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly nodes: readonly string[];
  readonly message: string;
  readonly why: string;
  readonly fix: string;
  readonly concept: ConceptId;
}

export type Rule = (graph: ArchitectureGraph, params: GradingParams) => readonly Finding[];
