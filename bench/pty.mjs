// Timing in a real pseudo-terminal: the benches that time the console's frames run it through
// `script` in a fresh 80x24 pty and watch its output for markers.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * Run a shell command in a fresh 80x24 pty; resolve with the ms from spawn until each marker set
 * (strings or regular expressions, all of a set) showed in the output, escapes left out.
 */
export function timeInPty(command, markerSets, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn('script', ['-qfc', `stty cols 80 rows 24; ${command}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'ignore'],
      detached: true,
      env: { ...process.env, TERM: 'xterm-256color', ...env },
    });
    let output = '';
    const times = markerSets.map(() => undefined);
    const timer = setTimeout(() => finish(new Error(`no frame within 20 s; output so far:\n${JSON.stringify(output.slice(-2000))}`)), 20_000);
    let done = false;
    const finish = (error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      child.once('close', () => (error ? reject(error) : resolvePromise(times)));
      if (child.exitCode !== null || child.signalCode !== null) child.emit('close');
    };
    child.stdout.on('data', (chunk) => {
      const now = performance.now();
      output += chunk.toString('utf8');
      const plain = output.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
      markerSets.forEach((markers, i) => {
        if (times[i] === undefined && markers.every((m) => (typeof m === 'string' ? plain.includes(m) : m.test(plain)))) times[i] = now - started;
      });
      if (times.every((t) => t !== undefined)) finish();
    });
    child.on('error', reject);
  });
}

