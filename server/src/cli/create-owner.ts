import readline from 'node:readline/promises';
import { z } from 'zod';
import { Email, Name, Password } from '../modules/accounts/accounts.schema.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { AppError } from '../shared/errors.js';
import { openConfiguredDatabase, parseFlags } from './open-database.js';

/**
 * Creates an account and its owner from the command line:
 *   npm run create-owner -- --email ana@magazin.ro --name "Ana Pop" --account "Magazin" [--password …]
 * Anything missing is asked for (the password is better typed than left in shell history;
 * ECOMDIR_OWNER_PASSWORD also works, for scripts).
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ask = async (key: string, question: string, fallback?: string) =>
    flags[key] ?? fallback ?? (await rl.question(question));
  const input = {
    email: await ask('email', 'Owner e-mail: '),
    name: await ask('name', 'Owner name: '),
    account: await ask('account', 'Shop / business name: '),
    password: await ask(
      'password',
      'Password (at least 8 characters): ',
      process.env.ECOMDIR_OWNER_PASSWORD,
    ),
  };
  rl.close();
  const parsed = z
    .object({ email: Email, name: Name, account: Name, password: Password })
    .safeParse(input);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    process.exit(2);
  }
  const database = await openConfiguredDatabase();
  try {
    const accounts = new AccountsService(database.db, {
      sessionDays: 30,
      loginRateLimit: { max: 10, windowMs: 60_000 },
    });
    const { accountId } = await accounts.createAccountWithOwner({
      accountName: parsed.data.account,
      name: parsed.data.name,
      email: parsed.data.email,
      password: parsed.data.password,
      onlyIfFirst: false,
    });
    console.log(
      `Created account ${accountId} with owner ${parsed.data.email.toLowerCase()}. Log in at the dashboard.`,
    );
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  } finally {
    await database.destroy();
  }
}

await main();
