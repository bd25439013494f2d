/** `synthtab synthesize`: not implemented yet. */
export async function run(_argv: string[]): Promise<void> {
  throw new Error('The synthesize command is not implemented yet.');
}
