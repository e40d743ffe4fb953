/**
 * A local SMTP sink (npm smtp-server) in its own process, forked by delivery.bench.ts: accepts
 * every message, keeps only its Message-ID and arrival time. Over IPC it announces its port, and
 * answers `{ type: 'stats' }` with the counts and `{ type: 'reset' }` by forgetting what it got.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let received = 0;
let firstAt: number | null = null;
let lastAt: number | null = null;
let seen = new Set<string>();
let duplicates = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 1000,
  // Pooled client connections stay open while idle: stopping must not wait the default 30 s for them.
  closeTimeout: 100,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 16_384 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '';
      if (seen.has(id)) duplicates++;
      else seen.add(id);
      received++;
      const now = Date.now();
      firstAt ??= now;
      lastAt = now;
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (server.server.address() as AddressInfo).port });
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') process.send?.({ type: 'stats', received, unique: seen.size, duplicates, firstAt, lastAt });
  if (message.type === 'reset') {
    received = 0;
    duplicates = 0;
    firstAt = null;
    lastAt = null;
    seen = new Set();
    process.send?.({ type: 'reset' });
  }
});
process.on('disconnect', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
