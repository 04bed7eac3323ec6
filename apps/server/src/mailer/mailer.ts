// Outgoing mail behind one small interface: printed to the log by default, SMTP when configured.
import nodemailer from 'nodemailer';
import type { Logger } from '../logger';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Writes each message to the log: the default, so that nothing needs a mail server. */
export class ConsoleMailer implements Mailer {
  constructor(private readonly log: Logger) {}
  async send(message: MailMessage) {
    this.log.info({ mail: message }, `mail to ${message.to}: ${message.subject}`);
  }
}

export class SmtpMailer implements Mailer {
  private readonly transport: nodemailer.Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }
  async send(message: MailMessage) {
    await this.transport.sendMail({ from: this.from, ...message });
  }
}

export function createMailer(options: { smtpUrl: string | undefined; from: string }, log: Logger) {
  return options.smtpUrl ? new SmtpMailer(options.smtpUrl, options.from) : new ConsoleMailer(log);
}
