// An owner process for the watchdog tests: starts one harmless long-running server through the
// watchdog, stops it on termination signals like the jest setup does, and otherwise idles.
//   node -r @swc-node/register owner-fixture.ts <server-pid-file> <orphan-dir>
import { stopOnTermination } from '../../termination';
import { spawnOwned } from '../process';

const [pidFile, orphanDir] = process.argv.slice(2);
const server = spawnOwned({
  command: process.execPath,
  args: [
    '-e',
    `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000)`,
  ],
  orphanDir,
});
stopOnTermination(
  () => server.stop(),
  (line) => console.log(line),
);
console.log(`owner ready, watchdog ${server.pid}`);
setInterval(() => undefined, 1000);
