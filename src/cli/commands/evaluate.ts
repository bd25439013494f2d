/** `synthtab evaluate`: not implemented yet. */
export async function run(_argv: string[]): Promise<void> {
  throw new Error('The evaluate command is not implemented yet.');
}
