/** `synthtab profile`: not implemented yet. */
export async function run(_argv: string[]): Promise<void> {
  throw new Error('The profile command is not implemented yet.');
}
