/**
 * `tidewatch decode [FILE|-]`: the command line of the decode run.
 */
import type { Readable } from 'node:stream';
import { Option, type Command } from 'commander';
import { FORMATS, type Format } from './formats.js';
import { openInput } from './input.js';
import { ExitCode, runDecode, type DecodeStreams } from './run.js';

export interface DecodeEnvironment extends DecodeStreams {
  readonly stdin: Readable;
  /** Where the exit code goes. */
  readonly exit: (code: number) => void;
}

interface Flags {
  format: Format;
  unscaled?: boolean;
  stats?: boolean;
}

export function addDecodeCommand(program: Command, env: DecodeEnvironment): void {
  program
    .command('decode')
    .description('decode AIS NMEA (a file, .gz or not, or standard input) to one JSON object per message')
    .argument('[file]', "NMEA file, gzip-compressed or not; '-' or none for standard input")
    .addOption(new Option('--format <format>', 'json: our message objects; gpsd: the lines gpsdecode -j prints').choices(FORMATS).default('json'))
    .option('--unscaled', 'with --format gpsd: unscaled, as gpsdecode -u -j')
    .option('--stats', 'print only the summary (messages per type, rejections per reason), on stdout')
    .addHelpText(
      'after',
      '\nRejected lines are reported on stderr as "line N: reason: detail", then a summary.\n' +
        'Exit status: 0 decoded (rejected lines included), 1 the input broke off (e.g. truncated gzip)\n' +
        'after all readable lines were decoded, 2 usage error or unreadable file.',
    )
    .action(async (file: string | undefined, flags: Flags, command: Command) => {
      if (flags.unscaled === true && flags.format !== 'gpsd') command.error('error: --unscaled applies to --format gpsd', { exitCode: ExitCode.USAGE });
      const opened = await openInput(file, env.stdin);
      if (!opened.ok) {
        env.stderr.write(`tidewatch decode: ${opened.message}\n`);
        env.exit(ExitCode.USAGE);
        return;
      }
      const options = { format: flags.format, scaled: flags.unscaled !== true, statsOnly: flags.stats === true };
      env.exit(await runDecode(opened.input, options, env));
    });
}
