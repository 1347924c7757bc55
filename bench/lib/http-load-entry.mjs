// Worker threads start without the parent's loaders: register tsx here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./http-load.worker.ts');
