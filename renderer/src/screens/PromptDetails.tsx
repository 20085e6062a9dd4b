import type { JSX } from 'react';
import type { ChannelOutput } from '../../../electron/ipc/contract';
import { DifficultyBadge } from '../components/DifficultyBadge';
import { TagList } from '../components/TagList';
import { ConceptChips, type ConceptTitles } from '../glossary/ConceptLink';

type Prompt = ChannelOutput<'prompts:get'>;

const number = new Intl.NumberFormat('en-US');

/** The brief a candidate reads: scenario, requirements, scale. No hints, no reference answers. */
export function PromptDetails(props: { readonly prompt: Prompt; readonly conceptTitles?: ConceptTitles | undefined }): JSX.Element {
  const { prompt } = props;
  const { scale } = prompt;
  return (
    <article className="prompt-details">
      <header>
        <h1>{prompt.title}</h1>
        <div className="prompt-meta">
          <DifficultyBadge difficulty={prompt.difficulty} />
          <TagList tags={prompt.tags} />
        </div>
        <div className="prompt-concepts small">
          <span className="label">Concepts: </span>
          <ConceptChips concepts={prompt.concepts} titles={props.conceptTitles} />
        </div>
      </header>

      <section>
        <h2>Scenario</h2>
        <p className="scenario">{prompt.scenario}</p>
      </section>

      <section>
        <h2>Requirements</h2>
        <h3>Functional</h3>
        <ul>
          {prompt.requirements.functional.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
        <h3>Non-functional</h3>
        <ul>
          {prompt.requirements.nonFunctional.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      </section>

      <section>
        <h2>Scale</h2>
        <dl className="scale">
          <dt>Daily active users</dt>
          <dd>{number.format(scale.dau)}</dd>
          <dt>Peak reads</dt>
          <dd>{number.format(scale.peakReadsPerSecond)} / s</dd>
          <dt>Peak writes</dt>
          <dd>{number.format(scale.peakWritesPerSecond)} / s</dd>
          <dt>Read : write</dt>
          <dd>{scale.readWriteRatio}</dd>
          <dt>Availability</dt>
          <dd>{scale.availabilityPercent} %</dd>
        </dl>
        <h3>Data sizes</h3>
        <ul>
          {scale.dataSizes.map((size, index) => (
            <li key={index}>
              {size.item}: {number.format(size.value)} {size.unit}
              {size.note === undefined ? '' : ` (${size.note})`}
            </li>
          ))}
        </ul>
        <h3>Latency targets (p99)</h3>
        <ul>
          {scale.latencyTargets.map((target, index) => (
            <li key={index}>
              {target.operation}: {number.format(target.p99Ms)} ms
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h2>Clarifying questions</h2>
        {prompt.clarifyingQuestions.map((qa, index) => (
          <details key={index} className="clarifying">
            <summary>{qa.question}</summary>
            <p>{qa.answer}</p>
          </details>
        ))}
      </section>
    </article>
  );
}
