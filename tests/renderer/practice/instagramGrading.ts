/** The Instagram prompt, and its grade of a diagram through the renderer's own parse (jsdom). */
import { gradeFlowchart, type GradeReport } from '../../../rubrics/grade';
import type { GradingParams } from '../../../rubrics/params';
import { parsePromptFile } from '../../../prompts/parse';
import instagramYaml from '../../../prompts/data/instagram.yaml?raw';
// The renderer's own Mermaid adapter on jsdom: the parse the app grades with.
import { parseForGrading } from '../../../renderer/src/mermaid/index';

export const prompt = (() => {
  const parsed = parsePromptFile('instagram.yaml', instagramYaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.prompt;
})();

export const params: GradingParams = { rubric: prompt.rubric, entities: prompt.entities };

export async function gradeInstagram(text: string): Promise<GradeReport> {
  const parsed = await parseForGrading(text);
  if (!parsed.ok) throw new Error('does not parse');
  return gradeFlowchart(parsed.flowchart, params);
}
