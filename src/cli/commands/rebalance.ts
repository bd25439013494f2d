/** `synthtab rebalance`: not implemented yet. */
export async function run(_argv: string[]): Promise<void> {
  throw new Error('The rebalance command is not implemented yet.');
}
