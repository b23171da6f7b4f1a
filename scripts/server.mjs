#!/usr/bin/env node
// One server process: the production build (`npm run build`) served by Next in this process,
// with one JSON log line per request (pino): requestId (X-Request-Id from a proxy, else new; sent
// back in the response), the signed-in userId (set by the app once it resolved the session),
// method, route (the path with ids replaced; never the query string, which can hold search words
// or e-mail addresses), status and duration. `node scripts/server.mjs <port>`; scripts/start.mjs
// runs one per core.
import http from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { loggerOptions, requestContext, requestIdFrom } from '../lib/log/options.mjs';

process.env.NODE_ENV = 'production';
const port = Number(process.argv[2] || process.env.PORT || 3000);
const { default: next } = await import('next');
const app = next({ dev: false, dir: path.resolve(import.meta.dirname, '..'), port });
const handle = app.getRequestHandler();
await app.prepare();

const log = pino(loggerOptions('server'));
const context = requestContext();
const ids = /\/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)(?=\/|$)/gi;
const routeOf = (url = '/') => url.split('?')[0].replace(ids, '/:id');

const server = http.createServer((req, res) => {
  const started = performance.now();
  const store = { requestId: requestIdFrom(req.headers['x-request-id']) };
  res.setHeader('X-Request-Id', store.requestId);
  res.on('close', () => {
    const line = {
      requestId: store.requestId,
      userId: store.userId,
      method: req.method,
      route: routeOf(req.url),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (!res.writableFinished) log.warn({ ...line, aborted: true }, 'request aborted');
    else log[res.statusCode >= 500 ? 'error' : 'info'](line, 'request');
    warmUpOnce();
  });
  context.run(store, () => handle(req, res));
});
server.listen(port, () => {
  log.info({ port }, 'listening');
  setTimeout(warmUpOnce, 5000).unref();
});

// Next.js instantiates a route's modules on the route's first request (~0.2 s of this thread on a quiet machine for
// the import route, with the session module it loads lazily). One unauthenticated POST (answered 401 before any
// body is read) does that for the import route, which also starts its analysis thread, so the first upload after a
// start does not pay for it (issue 12 item 8). It waits for the first answer (a health check's, usually) or 5 s:
// sent at once it held up the first health check, which then missed its database budget (503) on a loaded machine.
let warmedUp = false;
function warmUpOnce() {
  if (warmedUp) return;
  warmedUp = true;
  void warmUp();
}
async function warmUp() {
  try {
    await (await fetch(`http://127.0.0.1:${port}/api/import`, { method: 'POST' })).arrayBuffer();
  } catch (error) {
    log.warn({ err: error }, 'warming up the import route failed');
  }
}

// SIGTERM/SIGINT: stop taking connections (the port closes at once), let the requests in flight
// finish, stop the job workers (instrumentation.ts leaves their stop on globalThis: running jobs
// finish or go back to the queue), then exit 0. A request still running after 25 s is cut off.
const stopJobs = () => globalThis.clustermatchStopJobs?.() ?? Promise.resolve();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log.info({ signal }, 'stopping');
    server.close(async () => {
      try {
        await stopJobs();
        log.info('stopped: requests finished, job workers stopped');
      } catch (error) {
        log.error({ err: error }, 'stopping the job workers failed');
      }
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 25_000).unref();
  });
}
