import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the sink received it, with the few MIME parts tests look at decoded. */
export interface ReceivedMail {
  raw: string;
  envelopeTo: string[];
  messageId: string;
  subject: string;
  from: string;
  to: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server inside the test process (npm smtp-server): nodemailer talks SMTP to it over
 * TCP. It can be stopped (connection refused) or told to refuse mail with a 4xx reply, to play an
 * outage. `mailparser` is not installed, so the MIME decoding below is minimal but real.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** 'reject': every MAIL FROM gets 451, like a mail server that is up but refuses for now. */
  mode: 'accept' | 'reject' = 'accept';
  rejected = 0;
  private server: SMTPServer | undefined;
  private boundPort = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.boundPort}`;
  }

  /** Listens on `port` (0: any free one; a restart reuses the previous one). */
  async start(port = this.boundPort): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // The mail transport keeps pooled connections open: a stop must not wait the default 30 s for them.
      closeTimeout: 100,
      onMailFrom: (_address, _session, callback) => {
        if (this.mode === 'accept') return callback();
        this.rejected++;
        callback(Object.assign(new Error('4.3.2 service temporarily unavailable, try again later'), { responseCode: 451 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push({ ...parseMessage(raw), envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.boundPort = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  byMessageId(id: string): ReceivedMail[] {
    return this.messages.filter((m) => m.messageId === id);
  }
}

function parseMessage(raw: string): Omit<ReceivedMail, 'envelopeTo'> {
  const { headers, body } = splitEntity(raw);
  const parts = leafParts(headers, body);
  const find = (type: string) => parts.find((p) => (p.headers.get('content-type') ?? 'text/plain').toLowerCase().startsWith(type));
  const text = find('text/plain');
  const html = find('text/html');
  return {
    raw,
    messageId: headers.get('message-id') ?? '',
    subject: decodeWords(headers.get('subject') ?? ''),
    from: decodeWords(headers.get('from') ?? ''),
    to: decodeWords(headers.get('to') ?? ''),
    text: text ? decodeBody(text.headers, text.body) : '',
    html: html ? decodeBody(html.headers, html.body) : '',
  };
}

interface Entity {
  headers: Map<string, string>;
  body: string;
}

function splitEntity(raw: string): Entity {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  // Unfold continuation lines, then split "Name: value".
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function leafParts(headers: Map<string, string>, body: string): Entity[] {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return [{ headers, body }];
  const sections = body.split(`--${boundary}`).slice(1);
  return sections
    .filter((s) => !s.startsWith('--'))
    .flatMap((s) => {
      const part = splitEntity(s.replace(/^\r?\n/, ''));
      return leafParts(part.headers, part.body);
    });
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words; adjacent words are joined as bytes (a character may span two). */
function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)(\s+=\?[^?]+\?[BbQq]\?[^?]*\?=)*/g, (run) => {
    const words = run.match(/=\?[^?]+\?[BbQq]\?[^?]*\?=/g) ?? [];
    const bytes = words.map((w) => {
      const [, , enc, data] = /^=\?([^?]+)\?([BbQq])\?([^?]*)\?=$/.exec(w)!;
      if (enc!.toUpperCase() === 'B') return Buffer.from(data!, 'base64');
      return Buffer.from(decodeQuotedPrintable(data!.replace(/_/g, ' ')), 'utf8');
    });
    return Buffer.concat(bytes).toString('utf8');
  });
}
