/**
 * The `tidewatch` command: the composition root. It wires the process's
 * streams and clock into the subcommands and maps usage errors to exit 2.
 */
import { performance } from 'node:perf_hooks';
import { Command, CommanderError } from 'commander';
import { addDecodeCommand } from './decode/command.js';
import { addReplayCommand } from './replay/command.js';
import { runServe, SERVE_OPTIONS, SERVE_SUMMARY } from '@tidewatch/server';

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

const serve = program.command('serve').description(SERVE_SUMMARY);
for (const o of SERVE_OPTIONS) {
  if (o.repeatable) serve.option(o.flags, o.description, (value: string, previous: string[] = []) => [...previous, value]);
  else serve.option(o.flags, o.description, o.default);
}
serve.action(async (options) => {
  const started = await runServe(options);
  if (!started.ok) {
    process.stderr.write(`tidewatch serve: ${started.error}\n`);
    process.exitCode = USAGE;
  }
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (!(e instanceof CommanderError)) throw e;
  // Help and version exit 0; every other commander error is a usage error.
  process.exitCode = e.exitCode === 0 ? 0 : USAGE;
}
