import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Hooks remove large temporary folders: on a loaded machine that took past the 10 s default.
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
