// `npm start`: builds the dashboard only when its sources are newer than the last build
// (a build takes ≈ 5 s on a small machine; most starts change nothing in web/).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '../web');
const built = path.join(web, 'dist/index.html');
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let t = stat.mtimeMs;
  for (const f of fs.readdirSync(p, { recursive: true, encoding: 'utf8' }))
    t = Math.max(t, fs.statSync(path.join(p, f)).mtimeMs);
  return t;
}

const sources = Math.max(...inputs.map((i) => newest(path.join(web, i))));
if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) {
  console.log('Dashboard is up to date (web/dist); not rebuilding.');
} else {
  execFileSync('npm', ['run', 'build', '-w', 'web'], { stdio: 'inherit' });
}
