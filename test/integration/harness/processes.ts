// Moved to lib/verify/harness/processes.ts (shared with `kafka-platform verify`); kept so existing imports keep working.
// The suite's process state (PID file of a crashed run) lives in its cache directory, as before.
import { useProcessStateDir } from '../../../lib/verify/harness/processes';
import { CACHE_DIR } from './jars';

useProcessStateDir(CACHE_DIR);

export * from '../../../lib/verify/harness/processes';
