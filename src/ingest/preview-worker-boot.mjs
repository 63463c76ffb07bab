// Entry of the preview worker thread: a worker does not inherit the main thread's tsx loader, so
// it registers tsx itself and then loads the TypeScript worker (see preview-runner.ts).
import { register } from 'tsx/esm/api';

register();
await import('./preview-worker.ts');
