import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// `findBy…` waits 1 s by default; a form's async rules on a machine busy with the other tiers can take
// longer (the same reason `expect.poll` gets an explicit 10 s here).
configure({ asyncUtilTimeout: 10_000 });

// Testing Library unmounts after each test by itself only when vitest's globals are on; they are off.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});
