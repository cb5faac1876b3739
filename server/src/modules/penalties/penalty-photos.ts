import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { Conflict, Invalid, NotFound } from '../../shared/errors.js';
import { ensurePrivateDir } from '../../shared/private-files.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import * as repo from './penalties.repo.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The image kinds accepted, told by their first bytes (the uploader's type is not trusted). */
function sniff(b: Buffer): { mime: string; ext: string } | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    return { mime: 'image/jpeg', ext: 'jpg' };
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { mime: 'image/png', ext: 'png' };
  if (
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return { mime: 'image/webp', ext: 'webp' };
  return null;
}

/**
 * A penalty's photo, kept as a file under DATA_DIR/penalty-photos/<account>/ with a random name
 * the server chose (nothing of the upload's name reaches the file system), mode 0600.
 */
export class PenaltyPhotos {
  private readonly root: string;

  constructor(
    private readonly db: Kysely<DB>,
    dataDir: string,
  ) {
    this.root = path.join(dataDir, 'penalty-photos');
  }

  async save(accountId: number, penaltyId: number, file: MultipartFile, actor: Actor) {
    const penalty = await repo.listPenalties(this.db, accountId, { ids: [penaltyId] });
    if (penalty.length === 0)
      throw new NotFound('penalty_not_found', 'This penalty was not found.');
    let body: Buffer;
    try {
      body = await file.toBuffer();
    } catch {
      throw new Invalid('penalty_photo_invalid', 'The photo is larger than 5 MB.');
    }
    if (file.file.truncated || body.length > MAX_PHOTO_BYTES)
      throw new Invalid('penalty_photo_invalid', 'The photo is larger than 5 MB.');
    const kind = sniff(body);
    if (!kind) throw new Invalid('penalty_photo_invalid', 'Send a JPEG, PNG or WebP image.');
    const dir = path.join(this.root, String(accountId));
    ensurePrivateDir(this.root);
    ensurePrivateDir(dir);
    const name = `${penaltyId}-${crypto.randomBytes(12).toString('hex')}.${kind.ext}`;
    fs.writeFileSync(path.join(dir, name), body, { mode: 0o600, flag: 'wx' });
    const now = Date.now();
    const saved = await this.db.transaction().execute(async (trx) => {
      const ok = await repo.insertPhoto(
        trx,
        {
          account_id: accountId,
          penalty_id: penaltyId,
          file: name,
          mime: kind.mime,
          size: body.length,
        },
        now,
      );
      if (ok)
        await recordAudit(trx, {
          accountId,
          entity: 'penalty',
          entityId: penaltyId,
          action: 'photo_added',
          actor,
          at: now,
        });
      return ok;
    });
    if (!saved) {
      fs.rmSync(path.join(dir, name), { force: true });
      throw new Conflict('penalty_photo_exists', 'This penalty already has a photo.');
    }
  }

  async read(accountId: number, penaltyId: number): Promise<{ mime: string; body: Buffer }> {
    const row = await repo.findPhoto(this.db, accountId, penaltyId);
    if (!row) throw new NotFound('penalty_photo_not_found', 'This penalty has no photo.');
    // The stored name is the server's own; basename keeps a damaged row inside the folder.
    const file = path.join(this.root, String(accountId), path.basename(row.file));
    if (!fs.existsSync(file))
      throw new NotFound('penalty_photo_not_found', 'This penalty has no photo.');
    return { mime: row.mime, body: fs.readFileSync(file) };
  }
}
