// A node:test reporter for the mutation run: at the first failing test it exits with code 1.
// A mutant is killed by one failure, so the slower integration tests after it need not run.
export default async function* bailReporter(source) {
  for await (const event of source) {
    if (event.type === 'test:fail' && !event.data.todo && !event.data.skip) {
      process.stderr.write(`killed by: ${event.data.name}\n`);
      process.exit(1);
    }
  }
}
