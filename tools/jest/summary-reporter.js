// Prints the run's totals as the very last line, in the plain `N passed, N failed` form that CI
// reads. Jest's own summary is written after every custom reporter ran, so the line waits for the
// process to exit (stderr writes to files and pipes are synchronous there).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed`;
    const text = `\n${skipped > 0 ? `${line}, ${skipped} skipped` : line}\n`;
    process.once('exit', () => process.stderr.write(text));
  }
}

module.exports = SummaryReporter;
