// One server for the licensing benchmarks, in a process of its own so that the load generator
// does not share its event loop: `licensing` (the service, options as JSON in argv[3]) or
// `bare` (a node:http server answering a fixed JSON body: the ceiling of the machine).
// Prints `READY <url>` when it listens; stops on SIGTERM.
import { createServer } from 'node:http';
import { startLicensingService, type StartOptions } from '../../src/licensing/service/server.js';

const kind = process.argv[2];

if (kind === 'bare') {
  const body = JSON.stringify({ owner: { company: 'Bare', contact: 'B', email: 'b@example.com' }, products: [] });
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`READY http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  const options = JSON.parse(process.argv[3] ?? '{}') as StartOptions;
  const service = await startLicensingService({ ...options, host: '127.0.0.1', port: 0 });
  process.stdout.write(`READY ${service.url}\n`);
  process.on('SIGTERM', () => {
    void service.close().then(() => process.exit(0));
  });
}
