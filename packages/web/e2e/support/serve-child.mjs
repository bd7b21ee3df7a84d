/**
 * Runs `tidewatch serve` in its own process for the browser tests and screenshots:
 * argv[2] is the JSON of its options (as `runServe` takes them). Prints the server's
 * lines, among them "serving at <url>"; SIGTERM stops it cleanly.
 */
import { runServe } from '@tidewatch/server';

const result = await runServe(JSON.parse(process.argv[2]));
if (!result.ok) {
  console.error(result.error);
  process.exit(2);
}
