// Worker threads start without the parent's loaders: under tsx (development, tests) register tsx
// here, then load the TypeScript worker. Compiled to JavaScript, parse-runner loads parse-worker.js
// directly and this file is not used.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
