/**
 * Grades off the UI thread, feedback included: the grader (rubrics/) is pure and needs no DOM, so
 * a keystroke never waits for it. One request in, one answer out, tagged with the request's id.
 */
import { gradeFlowchart } from '../../../rubrics/grade';
import { architectureData } from '../../../rubrics/model/build';
import { feedbackOf } from './feedback';
import type { GradeRequest, GradeResponse } from './gradeMessages';

const scope = globalThis as unknown as { addEventListener(type: 'message', listener: (event: MessageEvent<GradeRequest>) => void): void; postMessage(message: GradeResponse): void };

scope.addEventListener('message', (event) => {
  const { id, flowchart, params } = event.data;
  try {
    const report = gradeFlowchart(flowchart, params);
    scope.postMessage({ id, ok: true, report: { ...report, architecture: architectureData(report.architecture) }, feedback: feedbackOf(report, params) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
