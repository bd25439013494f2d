/** `synthtab sample`: not implemented yet. */
export async function run(_argv: string[]): Promise<void> {
  throw new Error('The sample command is not implemented yet.');
}
