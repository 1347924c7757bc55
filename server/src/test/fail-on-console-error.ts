import { afterEach, beforeEach, vi } from 'vitest';

// A console.error during a test means something went wrong that no assertion looked at (STYLE.md #8).
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (errors.length > 0) {
    throw new Error(`console.error was called during the test: ${JSON.stringify(errors).slice(0, 500)}`);
  }
});
