import type { CoverageReport, GradeReport } from './grade';
import { showsReplication } from './graph/redundancy';
import type { Instances } from './model/types';
import type { ParseResult } from './parse/types';
import type { Finding } from './rules/types';
import type { Category, DataModel, DbRole, EdgeStyle, NodeKind } from './vocabulary';

/** The CLI's `--json` line for one file (the format documented in the README). */
export interface JsonReport {
  readonly file: string;
  readonly parse:
    | { readonly ok: true }
    | { readonly ok: false; readonly errors: ReadonlyArray<{ line: number; column: number; message: string; hint?: string }> };
  readonly architecture: {
    readonly nodes: ReadonlyArray<{
      id: string;
      label: string;
      kind: NodeKind;
      /** Roles the label gives it besides its kind ("API Gateway & Load Balancer"). */
      alsoKinds?: readonly NodeKind[];
      dataModel?: DataModel;
      role?: DbRole;
      /** Databases only: shown kept in several copies (replicas, a standby, Multi-AZ, Aurora, …). */
      replicated?: boolean;
      tech: readonly string[];
      instances: Instances;
      /** Redundant without being drawn so: a managed service or a system that only runs as a cluster. */
      redundant: boolean;
      /** Marked as future work ("Future", "planned"): not yet part of the design. */
      planned?: true;
      subgraph?: string;
    }>;
    readonly edges: ReadonlyArray<{ from: string; to: string; label?: string; style: EdgeStyle; bidirectional: boolean }>;
  };
  readonly findings: readonly Finding[];
  readonly score?: {
    readonly total: number;
    readonly coverage: number;
    readonly quality: number;
    readonly categories: Readonly<Partial<Record<Category, number>>>;
  };
  /** Which of the prompt's capabilities the design serves; absent when the file does not parse. */
  readonly coverage?: CoverageReport;
}

export function toJsonReport(file: string, parse: ParseResult, grade?: GradeReport): JsonReport {
  if (!parse.ok || grade === undefined) {
    return {
      file,
      parse: parse.ok
        ? { ok: true }
        : {
            ok: false,
            errors: parse.errors.map((e) => ({ line: e.line, column: e.column, message: e.message, ...(e.hint === undefined ? {} : { hint: e.hint }) })),
          },
      architecture: { nodes: [], edges: [] },
      findings: [],
    };
  }
  const { architecture } = grade;
  return {
    file,
    parse: { ok: true },
    architecture: {
      nodes: architecture.nodes.map((n) => ({
        id: n.id,
        label: n.label,
        kind: n.kind,
        ...(n.alsoKinds === undefined ? {} : { alsoKinds: n.alsoKinds }),
        ...(n.kind === 'database' ? { dataModel: n.dataModel, ...(n.role === undefined ? {} : { role: n.role }), replicated: showsReplication(n, architecture) } : {}),
        tech: n.tech,
        instances: n.instances,
        redundant: n.redundantByDefault,
        ...(n.planned === true ? { planned: true as const } : {}),
        ...(n.subgraph === undefined ? {} : { subgraph: n.subgraph }),
      })),
      edges: architecture.edges.map((e) => ({
        from: e.from,
        to: e.to,
        ...(e.label === undefined ? {} : { label: e.label }),
        style: e.style,
        bidirectional: e.bidirectional,
      })),
    },
    findings: grade.findings,
    score: { total: grade.score.total, coverage: grade.score.coverage, quality: grade.score.quality, categories: grade.score.categories },
    coverage: grade.coverage,
  };
}
