import fc from 'fast-check';
import type { FuzzTarget } from '../../../scripts/fuzz/target';

/** Targets that misbehave on purpose, to check that the runner catches each kind. */
export const TARGETS: readonly FuzzTarget<number>[] = [
  { name: 'passes', runs: 25, arbitrary: fc.integer(), check: () => undefined },
  {
    name: 'throws on the fifth case',
    runs: 25,
    arbitrary: fc.integer(),
    check: (() => {
      let seen = 0;
      return () => {
        seen += 1;
        if (seen === 5) throw new Error('boom on purpose');
      };
    })(),
  },
  {
    name: 'hangs in a synchronous loop on the third case',
    runs: 25,
    arbitrary: fc.integer(),
    check: (() => {
      let seen = 0;
      return () => {
        seen += 1;
        // eslint-disable-next-line no-empty -- the hang is the point
        if (seen === 3) for (;;) {}
      };
    })(),
  },
];
