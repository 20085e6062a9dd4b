import { describe, expect, it } from 'vitest';
import { runRules } from '../../../rubrics/grade';
import { fc, graphOf, paramsFor } from '../helpers';

describe('finding wording', () => {
  it('names missing background work in words, without the rubric’s keyword list', async () => {
    const params = paramsFor('async-processing', {
      async: { need: 'required', work: [{ id: 'like-counting', match: ['counter', 'counters', 'like', 'likes'], reason: 'Hot rows.' }] },
    });
    const findings = runRules(await graphOf(fc('User --> App[Web service]')), params);
    const missing = findings.find((f) => f.message.startsWith('Not shown'));
    expect(missing?.message).toBe('Not shown: like counting; no worker or service is named for it.');
  });

  it('suggests a store label with a real technology the grader reads as the accepted model', async () => {
    const entity = { id: 'follows', name: 'Follow graph', match: ['follow', 'follows'], accept: ['wide_column', 'key_value'], reason: 'Adjacency lists.' };
    const params = paramsFor('database-choice', {}, [entity]);
    const findings = runRules(await graphOf(fc('User --> App[Web service]')), params);
    const unlabelled = findings.find((f) => f.message === 'No store is labelled for Follow graph.');
    expect(unlabelled?.fix).toBe('Name where Follow graph is kept, e.g. `followsDB[(Follow graph · Cassandra)]`; a wide-column or key-value store fits.');
    // The suggested line, added to the design, satisfies the rule.
    const fixed = runRules(await graphOf(fc('User --> App[Web service]', 'App --> followsDB[(Follow graph · Cassandra)]')), params);
    expect(fixed.filter((f) => f.message.includes('Follow graph'))).toEqual([]);
  });
});
