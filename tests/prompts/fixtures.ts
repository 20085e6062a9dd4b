/**
 * A small but complete prompt file. Tests derive broken variants from it by replacing one line,
 * so the line numbers in expected messages refer to this text.
 */
export const MINIMAL_PROMPT_YAML = `id: tiny
title: Tiny prompt
difficulty: easy
tags: [demo]
scenario: A tiny service used by the tests.
requirements:
  functional: [Store a value]
  nonFunctional: [Be fast]
clarifyingQuestions:
  - question: How many users?
    answer: A few.
scale:
  dau: 1000
  peakReadsPerSecond: 10
  peakWritesPerSecond: 1
  readWriteRatio: "10:1"
  dataSizes:
    - { item: value, value: 1, unit: KB }
  latencyTargets:
    - { operation: read, p99Ms: 50 }
  availabilityPercent: 99.9
estimates:
  - id: storage
    label: Storage
    value: 1
    unit: GB
    tolerance: 0.5
    derivation: 1000 x 1 KB.
entities:
  - id: values
    name: Values
    match: [value]
    accept: [key_value]
    reason: Looked up by key.
rubric:
  rules:
    single-point-of-failure: { weight: 1 }
hints: [Think about the database.]
reference:
  mermaid: "flowchart LR\\n  A --> B"
  rationale: Fine.
naive:
  mermaid: "flowchart LR\\n  A"
  rationale: Not fine.
  mistakes:
    - rule: single-point-of-failure
      note: Only one box.
concepts: [single-point-of-failure]
`;

/** Replaces exactly one occurrence of `from` (throws if absent, so a stale fixture fails loudly). */
export function variant(from: string, to: string, base: string = MINIMAL_PROMPT_YAML): string {
  const at = base.indexOf(from);
  if (at < 0) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return base.slice(0, at) + to + base.slice(at + from.length);
}
