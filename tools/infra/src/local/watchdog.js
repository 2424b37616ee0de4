// Runs one server for an owner process and guarantees the server does not outlive it, even when
// the owner is SIGKILLed and can run no cleanup of its own. Plain Node (no transpiler) so that it
// starts fast and needs nothing from the workspace.
//
//   node watchdog.js <owner-pid> <dir-to-delete-if-owner-dies | -> <command> [args...]
//
// The owner starts this detached (own process group, so a Ctrl-C in the terminal reaches only the
// owner, which then stops things in order); the server runs in the watchdog's group, so the owner
// can SIGKILL both with one kill(-pid). SIGTERM/SIGINT sent to the watchdog is forwarded once.
'use strict';
const { spawn } = require('node:child_process');
const { rmSync } = require('node:fs');
const { constants } = require('node:os');

const [ownerArg, orphanDir, command, ...args] = process.argv.slice(2);
const ownerPid = Number(ownerArg);
const graceMs = Number(process.env.EXTAPPS_WATCHDOG_GRACE_MS || 10000);
const pollMs = Number(process.env.EXTAPPS_WATCHDOG_POLL_MS || 500);
const initialParent = process.ppid;

if (!Number.isInteger(ownerPid) || ownerPid <= 0 || !orphanDir || !command) {
  process.stderr.write('usage: watchdog.js <owner-pid> <dir|-> <command> [args...]\n');
  process.exit(64);
}

const server = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let terminating = false;
let ownerDied = false;

function terminate(signal) {
  if (terminating) return;
  terminating = true;
  server.kill(signal);
  setTimeout(() => server.kill('SIGKILL'), graceMs).unref();
}

function ownerGone() {
  // A changed parent pid is proof that does not suffer from pid reuse; kill(0) covers owners
  // that are not our direct parent.
  if (ownerPid === initialParent && process.ppid !== initialParent) return true;
  try {
    process.kill(ownerPid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

const poll = setInterval(() => {
  if (!terminating && ownerGone()) {
    ownerDied = true;
    terminate('SIGTERM');
  }
}, pollMs);

process.on('SIGTERM', () => terminate('SIGTERM'));
process.on('SIGINT', () => terminate('SIGINT'));

function finish(code) {
  clearInterval(poll);
  // With a live owner the owner deletes the run directory itself, after reading the log in it.
  if (ownerDied && orphanDir !== '-') rmSync(orphanDir, { recursive: true, force: true });
  process.exit(code);
}

server.on('error', (error) => {
  process.stderr.write(`watchdog: cannot start ${command}: ${error.message}\n`);
  finish(127);
});
server.on('exit', (code, signal) => finish(code ?? 128 + (constants.signals[signal] || 0)));
