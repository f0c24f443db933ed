import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface CapturedMail extends MailMessage {
  at: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Mail kept in memory when no SMTP server is configured (development and tests); empty otherwise. */
  captured(): readonly CapturedMail[];
}

/**
 * Sends through the configured SMTP server; without one (development), keeps messages in
 * memory so they can be read on the development mail page instead of leaving the machine.
 */
export function createMailer(options: { smtpUrl: string | null; from: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({ from: options.from, ...message });
      },
      captured: () => [],
    };
  }
  const outbox: CapturedMail[] = [];
  return {
    send(message) {
      outbox.push({ ...message, at: new Date().toISOString() });
      // Bounded: a long-running development server must not grow without end.
      if (outbox.length > 500) outbox.shift();
      return Promise.resolve();
    },
    captured: () => outbox,
  };
}
