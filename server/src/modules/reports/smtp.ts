import nodemailer from 'nodemailer';
import { AppError } from '../../shared/errors.js';
import type { ErrorCode } from '../../shared/error-codes.js';
import type { SmtpSecurity } from './report-mail.schema.js';
import type { RenderedMail } from './report-mail.render.js';

/** The owner's SMTP server, password in clear only for the time of one send. */
export interface SmtpServer {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string;
  password: string | null;
}

/**
 * The owner's SMTP server said no, or could not be reached. Only our code and sentence travel to
 * the page: the server's own text may echo addresses or internals and is never shown or logged.
 */
export class SmtpFailed extends AppError {
  constructor(code: Extract<ErrorCode, 'smtp_auth_failed' | 'smtp_unreachable' | 'smtp_failed'>) {
    const messages = {
      smtp_auth_failed: 'The SMTP server refused the username or password.',
      smtp_unreachable: 'The SMTP server could not be reached.',
      smtp_failed: 'The SMTP server did not accept the message.',
    } as const;
    super(502, code, messages[code]);
  }
}

/** nodemailer's error codes grouped into ours. */
function failureOf(err: unknown): SmtpFailed {
  const code = (err as { code?: unknown }).code;
  if (code === 'EAUTH' || code === 'ENOAUTH') return new SmtpFailed('smtp_auth_failed');
  if (
    ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNREFUSED'].includes(String(code))
  )
    return new SmtpFailed('smtp_unreachable');
  return new SmtpFailed('smtp_failed');
}

/**
 * Sends one message and resolves once the server accepted it; throws SmtpFailed otherwise.
 * The owner's server may be on a private network (it is theirs, chosen by the owner, not a
 * customer-controlled URL), so no address filter applies here (docs/report-mail.md).
 */
export async function sendMail(
  server: SmtpServer,
  mail: RenderedMail & { from: string; to: string[] },
): Promise<void> {
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    ...(server.username && { auth: { user: server.username, pass: server.password ?? '' } }),
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
  try {
    await transport.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } catch (err) {
    throw failureOf(err);
  } finally {
    transport.close();
  }
}
