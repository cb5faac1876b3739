// Imported first by the mutation suite: the test databases of every mutant's run go inside
// Stryker's sandbox (removed after the run) instead of piling up in the system's temp folder.
import fs from 'node:fs';
import path from 'node:path';

const tmp = path.resolve('.mutation-tmp');
fs.mkdirSync(tmp, { recursive: true });
process.env.TMPDIR = tmp;
process.env.TEST_DB = 'sqlite';
process.env.ALLOW_PRIVATE_STORES = 'true';
