// The email channel: the notification as a plain-text mail over SMTP (nodemailer), with STARTTLS or implicit TLS.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Channel, Notification } from './channel.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /**
   * 'tls': TLS from the first byte (port 465). 'starttls': plain, then upgraded, refusing to send unless the server
   * offers STARTTLS (port 587). 'none': plain text, for a relay on the same machine or tests only.
   */
  security: 'tls' | 'starttls' | 'none';
  auth?: { user: string; pass: string };
  /** The sender, e.g. `Yagura SOC <soc@example.jp>`. */
  from: string;
  /** Extra trust anchors (PEM) for a relay with a private CA. */
  ca?: string;
  /** Longest wait for connection, greeting and each command (default 15 s). */
  timeoutMs?: number;
}

export interface EmailOptions {
  smtp: SmtpSettings;
  to: readonly string[];
}

export class EmailChannel implements Channel {
  readonly kind = 'email';
  readonly target: string;
  private readonly transport: Transporter;

  constructor(private readonly options: EmailOptions) {
    if (options.to.length === 0) throw new Error('An email channel needs at least one recipient');
    this.target = options.to.join(', ');
    const { smtp } = options;
    const timeout = smtp.timeoutMs ?? 15_000;
    this.transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.security === 'tls',
      requireTLS: smtp.security === 'starttls',
      ignoreTLS: smtp.security === 'none',
      ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: smtp.auth.pass } } : {}),
      ...(smtp.ca ? { tls: { ca: smtp.ca } } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(message: Notification): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.options.smtp.from,
      to: [...this.options.to],
      subject: message.subject,
      text: message.text,
    });
    // A relay may accept the mail for some recipients only; that is a failure to retry, not a delivery.
    const rejected = (info.rejected ?? []).map(String);
    if (rejected.length > 0) throw new Error(`Recipients refused: ${rejected.join(', ')}`);
  }

  close(): void {
    this.transport.close();
  }
}
