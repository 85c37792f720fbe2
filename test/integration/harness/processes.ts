// Moved to lib/verify/harness/processes.ts (shared with `kafka-platform verify`); kept so existing imports keep working.
// The suite's process state (PID file of a crashed run) lives in its cache directory, as before. CI runs the
// suites in parallel lanes (KAFKA_IT_LANE): each lane has its own PID file, so one lane never reaps another's JVMs.
import { useProcessStateDir } from '../../../lib/verify/harness/processes';
import { CACHE_DIR } from './jars';

const lane = process.env.KAFKA_IT_LANE;
if (lane !== undefined && !/^[a-z0-9-]+$/.test(lane)) throw new Error(`KAFKA_IT_LANE=${lane}: use lower-case letters, digits and -`);
useProcessStateDir(CACHE_DIR, lane ? `pids-${lane}` : 'pids');

export * from '../../../lib/verify/harness/processes';
