/**
 * The `tidewatch` command: the composition root. It wires the process's
 * streams and clock into the subcommands and maps usage errors to exit 2.
 *
 * Only the subcommand being run is loaded (all of them for help): `decode`
 * must not pay for loading the engine, the server and its database driver,
 * about a third of a second on every run.
 */
import { performance } from 'node:perf_hooks';
import { Command, CommanderError } from 'commander';

const USAGE = 2;

const program = new Command('tidewatch')
  .description('Tidewatch: open maritime situational awareness. Decode AIS, track vessels, find the behaviour that matters.')
  .exitOverride()
  .showHelpAfterError();

const environment = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => performance.now(),
  exit: (code: number): void => {
    process.exitCode = code;
  },
};

const COMMANDS: Record<string, () => Promise<void>> = {
  decode: async () => (await import('./decode/command.js')).addDecodeCommand(program, environment),
  replay: async () => (await import('./replay/command.js')).addReplayCommand(program, environment),
  serve: async () => addServeCommand(await import('@tidewatch/server')),
};

function addServeCommand(server: typeof import('@tidewatch/server')): void {
  const serve = program.command('serve').description(server.SERVE_SUMMARY);
  for (const o of server.SERVE_OPTIONS) {
    if (o.repeatable) serve.option(o.flags, o.description, (value: string, previous: string[] = []) => [...previous, value]);
    else serve.option(o.flags, o.description, o.default);
  }
  serve.action(async (options) => {
    const started = await server.runServe(options);
    if (!started.ok) {
      process.stderr.write(`tidewatch serve: ${started.error}\n`);
      process.exitCode = USAGE;
    }
  });
}

const chosen = COMMANDS[process.argv[2] ?? ''];
if (chosen !== undefined) await chosen();
else for (const add of Object.values(COMMANDS)) await add();

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (!(e instanceof CommanderError)) throw e;
  // Help and version exit 0; every other commander error is a usage error.
  process.exitCode = e.exitCode === 0 ? 0 : USAGE;
}
