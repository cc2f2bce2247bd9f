/**
 * A real SMTP server for tests (the `smtp-server` package, from nodemailer's
 * authors) on 127.0.0.1 and a free port. It accepts every message without
 * authentication and keeps what arrived, parsed by `mailparser`, so a test
 * asserts what a person's mail program would receive: recipient, subject,
 * plain-text body and the links in it.
 *
 * Shared by every suite that sends mail (accounts, notifications).
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; receivedAt: Date };

export type TestSmtpServer = {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL or nodemailer.createTransport. */
  url: string;
  port: number;
  /** Every message received so far, oldest first. */
  received: ReceivedMail[];
  /** Resolves with the first message to `address` (received already or later); rejects after `timeoutMs`. */
  waitForMail(address: string, options?: { timeoutMs?: number; after?: number }): Promise<ReceivedMail>;
  close(): Promise<void>;
};

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            receivedAt: new Date(),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('The SMTP server has no port'));
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    waitForMail(address, options = {}) {
      const wanted = address.toLowerCase();
      const after = options.after ?? 0;
      const find = () => received.slice(after).find((mail) => mail.to.includes(wanted));
      return new Promise((resolve, reject) => {
        const found = find();
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No mail to ${address} within ${options.timeoutMs ?? 5000} ms`));
        }, options.timeoutMs ?? 5000);
        function check() {
          const mail = find();
          if (!mail) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(mail);
        }
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
