import { config } from 'zod';

// zod (bundled through prompts/) probes for eval with `new Function('')` the first time it parses;
// under the CSP (no 'unsafe-eval') that probe is refused and reported as a CSP violation. Jitless
// mode skips the probe and the compiled fast path: the same results, no eval attempted.
config({ jitless: true });
