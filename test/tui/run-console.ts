// Runs the console with options from argv[2] (JSON), for tests that need a real process.
import { runConsole } from '../../src/tui/main.js';

await runConsole(JSON.parse(process.argv[2] ?? '{}'));
