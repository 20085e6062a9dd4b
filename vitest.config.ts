import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    // vitest 5 clears mock call history before every test by default; suites here record calls
    // in beforeAll (e.g. main.ts wiring itself once) and assert them per test, as under vitest 4.
    clearMocks: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
