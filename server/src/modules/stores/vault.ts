import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from '../../shared/private-files.js';

/**
 * Seals store credentials (application passwords, API keys) at rest with AES-256-GCM under a
 * master key: ECOMDIR_MASTER_KEY, or DATA_DIR/master.key, created with mode 0600 on first
 * start. A sealed value names its key (`v1.<key id>.<iv>.<tag>.<ciphertext>`), so a rotation
 * interrupted half-way still opens every value. Keys and plaintexts are never logged.
 */
export class Vault {
  private constructor(
    private readonly current: Buffer,
    private readonly keys: Map<string, Buffer>,
  ) {}

  static fromKeys(current: Buffer, others: Buffer[] = []): Vault {
    const keys = new Map([current, ...others].map((k) => [keyId(k), k]));
    return new Vault(current, keys);
  }

  /**
   * The vault of a running server. With a key file, a leftover `master.key.next` of an
   * interrupted rotation is also accepted for opening.
   */
  static open(dataDir: string, envKey: string | null): Vault {
    if (envKey) return Vault.fromKeys(parseKey(envKey, 'ECOMDIR_MASTER_KEY'));
    const file = keyFilePath(dataDir);
    ensurePrivateDir(dataDir);
    if (!fs.existsSync(file)) {
      try {
        fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64')}\n`, {
          mode: 0o600,
          flag: 'wx',
        });
      } catch (err) {
        // Another process created it first; use theirs.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    fs.chmodSync(file, 0o600);
    const others = fs.existsSync(`${file}.next`) ? [readKeyFile(`${file}.next`)] : [];
    return Vault.fromKeys(readKeyFile(file), others);
  }

  get keyId(): string {
    return keyId(this.current);
  }

  seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.current, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const b = (x: Buffer) => x.toString('base64url');
    return ['v1', this.keyId, b(iv), b(cipher.getAuthTag()), b(ct)].join('.');
  }

  open(sealed: string): string {
    const [v, kid, iv, tag, ct] = sealed.split('.');
    if (v !== 'v1' || !kid || !iv || !tag || ct === undefined)
      throw new VaultError('not a sealed value');
    const key = this.keys.get(kid);
    if (!key)
      throw new VaultError(
        `sealed with key ${kid}, which this server does not have (was the master key changed?)`,
      );
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(ct, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new VaultError('sealed value does not authenticate (tampered, or a different key)');
    }
  }

  sealJson(value: unknown): string {
    return this.seal(JSON.stringify(value));
  }

  openJson<T>(sealed: string): T {
    return JSON.parse(this.open(sealed)) as T;
  }
}

export class VaultError extends Error {}

export const keyFilePath = (dataDir: string) => path.join(dataDir, 'master.key');

/** Public, short and stable: lets a sealed value say which key opens it without revealing it. */
function keyId(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function parseKey(text: string, what: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32)
    throw new VaultError(`${what} must be 32 bytes, as 64 hex characters or base64`);
  return key;
}

function readKeyFile(file: string): Buffer {
  return parseKey(fs.readFileSync(file, 'utf8'), file);
}
