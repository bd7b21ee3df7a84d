/**
 * The `tidewatch` command: the composition root. It wires the process's
 * streams and clock into the subcommands and maps usage errors to exit 2.
 */
import { performance } from 'node:perf_hooks';
import { Command, CommanderError } from 'commander';
import { addDecodeCommand } from './decode/command.js';
import { addReplayCommand } from './replay/command.js';

const USAGE = 2;

const program = new Command('tidewatch')
  .description('Tidewatch: open maritime situational awareness. Decode AIS, track vessels, find the behaviour that matters.')
  .exitOverride()
  .showHelpAfterError();

addDecodeCommand(program, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => performance.now(),
  exit: (code) => {
    process.exitCode = code;
  },
});

addReplayCommand(program, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => performance.now(),
  exit: (code) => {
    process.exitCode = code;
  },
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (!(e instanceof CommanderError)) throw e;
  // Help and version exit 0; every other commander error is a usage error.
  process.exitCode = e.exitCode === 0 ? 0 : USAGE;
}
