import type { Kysely } from 'kysely';
import { enqueue } from '../../jobs/jobs.repo.js';
import type { DB } from '../../db/schema.js';
import { Invalid, NotFound } from '../../shared/errors.js';
import { addDays, localDayOf } from '../../shared/local-days.js';
import type { Vault } from '../stores/vault.js';
import { dailySummary, summaryOfDay, type SummaryAccount } from './daily-summary.js';
import type { DailySummary } from './reports.schema.js';
import {
  type ReportMailSettingsIn,
  type ReportMailSettingsOut,
  type SmtpSecurity,
} from './report-mail.schema.js';
import { type MailLanguage, renderSummaryMail, renderTestMail } from './report-mail.render.js';
import { sendMail, type SmtpServer } from './smtp.js';

type Row = DB['report_mail_settings'];

/** The default hour of the morning e-mail (local). */
export const DEFAULT_SEND_HOUR = 7;

/** The dedupe key of one account's mail of one day (a queued or running one is never doubled). */
export const dailyMailKey = (accountId: number, day: string) =>
  `reports.daily_mail:${accountId}:${day}`;

/** The local wall-clock hour (0–23) of an instant in a zone (DST-aware, unlike ms since midnight). */
export function localHour(at: number, timeZone: string): number {
  const h = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(at)
    .find((p) => p.type === 'hour')?.value;
  return Number(h);
}

/**
 * The daily summary (first page) and its optional morning e-mail through the owner's own SMTP
 * server. The SMTP password is sealed by the vault; it leaves this class only towards the SMTP
 * server, never to the API or a log.
 */
export class ReportMail {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly vault: Vault,
  ) {}

  private async account(accountId: number): Promise<SummaryAccount & { language: string }> {
    const a = await this.db
      .selectFrom('accounts')
      .select(['id', 'timezone', 'currency', 'language'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!a) throw new NotFound('account_not_found', 'No such account.');
    return { ...a, id: Number(a.id) };
  }

  private row(accountId: number): Promise<Row | undefined> {
    return this.db
      .selectFrom('report_mail_settings')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirst();
  }

  /** Yesterday in the account's zone (GET /api/reports/summary). */
  async summary(accountId: number, now = Date.now()): Promise<DailySummary> {
    return dailySummary(this.db, await this.account(accountId), now);
  }

  async settings(accountId: number): Promise<ReportMailSettingsOut> {
    const row = await this.row(accountId);
    if (!row) {
      const a = await this.account(accountId);
      return {
        enabled: false,
        host: '',
        port: 587,
        security: 'starttls',
        username: '',
        from: '',
        recipients: [],
        hour: DEFAULT_SEND_HOUR,
        language: a.language === 'en' ? 'en' : 'ro',
        password_set: false,
        last_sent_day: null,
        configured: false,
      };
    }
    return {
      enabled: row.enabled === 1,
      host: row.smtp_host,
      port: row.smtp_port,
      security: row.security as SmtpSecurity,
      username: row.username,
      from: row.from_address,
      recipients: JSON.parse(row.recipients) as string[],
      hour: row.send_hour,
      language: row.language as MailLanguage,
      password_set: row.password_sealed !== null,
      last_sent_day: row.last_sent_day,
      configured: true,
    };
  }

  /** Saves the form; an empty password keeps the stored one (the form never holds it). */
  async save(accountId: number, input: ReportMailSettingsIn): Promise<ReportMailSettingsOut> {
    const current = await this.row(accountId);
    const sealed = input.password
      ? this.vault.seal(input.password)
      : (current?.password_sealed ?? null);
    const values = {
      enabled: input.enabled ? 1 : 0,
      smtp_host: input.host,
      smtp_port: input.port,
      security: input.security,
      username: input.username,
      password_sealed: sealed,
      from_address: input.from,
      recipients: JSON.stringify([...new Set(input.recipients)]),
      send_hour: input.hour,
      language: input.language,
      updated_at: Date.now(),
    };
    await this.db
      .insertInto('report_mail_settings')
      .values({ account_id: accountId, ...values, last_sent_day: null })
      .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
      .execute();
    return this.settings(accountId);
  }

  /** The SMTP server of a form (the stored password when the form's is empty), or of the row. */
  private serverOf(
    s: Pick<ReportMailSettingsIn, 'host' | 'port' | 'security' | 'username'>,
    password: string | undefined,
    sealed: string | null,
  ): SmtpServer {
    const clear = password || (sealed !== null ? this.vault.open(sealed) : null);
    if (s.username && !clear)
      throw new Invalid('smtp_password_missing', 'Enter the SMTP password.');
    return {
      host: s.host,
      port: s.port,
      security: s.security,
      username: s.username,
      password: clear,
    };
  }

  /**
   * "Send a test e-mail": with the form as it is on the page (saved or not), so the owner can
   * try before saving. Throws SmtpFailed (502, a stable code) when the server says no.
   */
  async sendTest(accountId: number, form: ReportMailSettingsIn): Promise<{ sent_to: string[] }> {
    const current = await this.row(accountId);
    const server = this.serverOf(form, form.password, current?.password_sealed ?? null);
    const to = [...new Set(form.recipients)];
    await sendMail(server, { ...renderTestMail(form.language), from: form.from, to });
    return { sent_to: to };
  }

  /**
   * The tick (every 5 minutes): accounts whose local hour has reached their sending hour and
   * whose yesterday was not sent get one job. A job queued, running or dead for that day is
   * not added again (a dead one waits for the next day rather than retrying every tick).
   */
  async enqueueDue(now = Date.now()): Promise<number> {
    const rows = await this.db
      .selectFrom('report_mail_settings as s')
      .innerJoin('accounts as a', 'a.id', 's.account_id')
      .select(['s.account_id', 's.send_hour', 's.last_sent_day', 'a.timezone'])
      .where('s.enabled', '=', 1)
      .execute();
    let queued = 0;
    for (const r of rows) {
      const accountId = Number(r.account_id);
      const day = addDays(localDayOf(now, r.timezone), -1);
      if (r.last_sent_day !== null && r.last_sent_day >= day) continue;
      if (localHour(now, r.timezone) < r.send_hour) continue;
      const key = dailyMailKey(accountId, day);
      const seen = await this.db
        .selectFrom('jobs')
        .select('id')
        .where('dedupe_key', '=', key)
        .where('state', 'in', ['queued', 'running', 'dead'])
        .executeTakeFirst();
      if (seen) continue;
      await enqueue(this.db, {
        kind: 'reports.daily_mail',
        payload: { account_id: accountId, day },
        accountId,
        dedupeKey: key,
      });
      queued++;
    }
    return queued;
  }

  /**
   * The job: sends one day's summary unless it was sent already (a retry or a second worker);
   * the day is marked sent only after the SMTP server accepted the message, so a failure
   * (thrown) is retried with the job backoff.
   */
  async runDaily(p: { account_id: number; day: string }, now = Date.now()): Promise<void> {
    const row = await this.row(p.account_id);
    if (!row || row.enabled !== 1) return;
    if (row.last_sent_day !== null && row.last_sent_day >= p.day) return;
    const account = await this.account(p.account_id);
    const summary = await summaryOfDay(this.db, account, p.day, now);
    const lang = row.language === 'en' ? 'en' : 'ro';
    const server = this.serverOf(
      { ...row, host: row.smtp_host, port: row.smtp_port, security: row.security as SmtpSecurity },
      undefined,
      row.password_sealed,
    );
    await sendMail(server, {
      ...renderSummaryMail(summary, lang),
      from: row.from_address,
      to: JSON.parse(row.recipients) as string[],
    });
    await this.db
      .updateTable('report_mail_settings')
      .set({ last_sent_day: p.day })
      .where('account_id', '=', p.account_id)
      .where((eb) => eb.or([eb('last_sent_day', 'is', null), eb('last_sent_day', '<', p.day)]))
      .execute();
  }
}
