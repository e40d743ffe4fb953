import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '#libs/core';

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Deterministic per outbox row (or digest): see message-id.ts. */
  messageId: string;
}

/**
 * nodemailer behind one method. With SMTP_URL a message counts as sent only once the server
 * accepted it (sendMail resolves after the final 250); nodemailer never retries by itself, the
 * outbox does. Without SMTP_URL mail is rendered and logged, not sent (development, demos).
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger('MailTransport');
  private readonly transporter: Transporter;
  readonly sendsMail: boolean;

  constructor(private readonly config: AppConfig) {
    this.sendsMail = !!config.smtpUrl;
    this.transporter = config.smtpUrl
      ? createTransport({
          url: config.smtpUrl,
          // Reused connections, as many as deliveries run at once (the processor's concurrency): with a
          // new SMTP session per message nodemailer managed 45 messages/s, pooled 363/s (bench delivery).
          pool: true,
          maxConnections: 5,
          // Far below the dispatch lease (5 min), so a hanging server fails the attempt instead of
          // outliving the lease and letting a second delivery of the same row start.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : createTransport({ jsonTransport: true });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: { name: mail.to.name, address: mail.to.address },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      // Automatic mail: keeps out-of-office replies and auto-forward loops away.
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    });
    if (!this.sendsMail) {
      this.logger.log(`e-mail not sent (SMTP_URL is not set) ${mail.messageId} to ${mail.to.address}: ${mail.subject}`);
      return;
    }
    const rejected = (info as { rejected?: unknown[] }).rejected ?? [];
    if (rejected.length > 0) throw Object.assign(new Error(`recipient rejected: ${rejected.map(String).join(', ')}`), { code: 'EENVELOPE' });
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
