// A worker thread of worker-pool.ts starts here. Node runs no TypeScript by itself, so this
// registers tsx in the thread (as `npm run notes` does for the CLI) before loading the worker.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./compile-worker.ts');
export default worker.default;
