/** `synthtab compare`: not implemented yet. */
export async function run(_argv: string[]): Promise<void> {
  throw new Error('The compare command is not implemented yet.');
}
