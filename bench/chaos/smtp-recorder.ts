import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface AcceptedMail {
  messageId: string;
  /** performance.now() of the final 250 (the sender counts the message as sent from here). */
  at: number;
}

/**
 * An SMTP sink in the chaos process (npm smtp-server): accepts everything and keeps each message's
 * Message-ID and arrival time, nothing else — tens of thousands of messages stay cheap.
 */
export class SmtpRecorder {
  readonly accepted: AcceptedMail[] = [];
  /** DATA transfers started and not yet finished. */
  openTransfers = 0;
  private server: SMTPServer | undefined;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // A reverse DNS lookup per connection would make the sink, not the product, the bottleneck.
      disableReverseLookup: true,
      maxClients: 1000,
      onData: (stream, _session, callback) => {
        this.openTransfers++;
        let head = '';
        let headDone = false;
        stream.on('data', (chunk: Buffer) => {
          if (headDone) return;
          head += chunk.toString('utf8');
          if (/\r?\n\r?\n/.test(head) || head.length > 64_000) headDone = true;
        });
        stream.on('end', () => {
          this.openTransfers--;
          this.accepted.push({ messageId: messageIdOf(head), at: performance.now() });
          callback();
        });
        stream.on('error', () => this.openTransfers--);
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Message-IDs received more than once, with how many extra copies. */
  duplicates(): { extraCopies: number; ids: string[] } {
    const seen = new Map<string, number>();
    for (const m of this.accepted) seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1);
    const ids = [...seen.entries()].filter(([, n]) => n > 1).map(([id]) => id);
    return { extraCopies: this.accepted.length - seen.size, ids };
  }
}

function messageIdOf(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => /^message-id:/i.test(l));
  return line ? line.slice(line.indexOf(':') + 1).trim() : '';
}

/** The outbox id inside one of our Message-IDs (`<outbox.<uuid>@domain>`), or null. */
export function outboxIdOf(messageId: string): string | null {
  return /^<outbox\.([0-9a-f-]{36})@/i.exec(messageId)?.[1] ?? null;
}
