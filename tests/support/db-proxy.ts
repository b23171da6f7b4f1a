import net from 'node:net';

/**
 * A database outage for tests: a TCP proxy in front of the real Postgres. `down()` drops every
 * connection and refuses new ones, as a restarting server does; `up()` listens again. The
 * embedded database lives in-process and cannot go down, so outage tests run only on Postgres.
 */
export class DbProxy {
  // below Linux's ephemeral range (32768-60999): the test run's own connections to Postgres take
  // ports from that range, and one of them held a port drawn from 40000-60000 (EADDRINUSE)
  readonly port = 20000 + Math.floor(Math.random() * 10000);
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  constructor(private readonly target: URL) {}

  /** `target` with its host and port replaced by this proxy's. */
  url(): string {
    const via = new URL(this.target.toString());
    via.hostname = '127.0.0.1';
    via.port = String(this.port);
    return via.toString();
  }

  async up() {
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port || 5432), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async down() {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
