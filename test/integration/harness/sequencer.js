// Runs the integration files in a fixed (alphabetical) order instead of jest's
// duration-based order, so the report and the CI log read the same every run.
const Sequencer = require('@jest/test-sequencer').default;

class AlphabeticalSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => a.path.localeCompare(b.path));
  }
}

module.exports = AlphabeticalSequencer;
