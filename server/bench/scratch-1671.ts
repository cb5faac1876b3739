import { up } from '../src/db/migrations/20261203_1671_report_marks_old_instants.js';
import { openBench } from './reports-data.js';
const d = openBench(process.argv[2]!);
await up(d.db);
await d.destroy();
