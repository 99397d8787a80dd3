/**
 * In-flight deduplication: identical reads that are under way at the same moment make one
 * upstream request, and every caller gets the answer. Under load most of a gateway's subgraph
 * requests are repeats (the same page of members for everyone who opened the directory now).
 *
 * Only reads, and only by a key that holds who asks (the caller's Authorization header): the
 * subgraphs answer by the caller's rights, so two callers never share an answer unless they
 * would have got the same one. Each caller gets its own copy, because the gateway writes into
 * the answers it receives (merging entities, renaming fields back).
 */
export class InFlight<Answer> {
  private readonly pending = new Map<string, { callers: number; copies: Promise<Answer[]> }>();
  /** Upstream requests made and requests answered by joining one under way (for tests and metrics). */
  readonly counts = { upstream: 0, joined: 0 };

  constructor(private readonly copy: (answer: Answer) => Answer) {}

  get size(): number {
    return this.pending.size;
  }

  run(key: string, ask: () => Promise<Answer>): Promise<Answer> {
    let entry = this.pending.get(key);
    if (entry) {
      this.counts.joined++;
    } else {
      this.counts.upstream++;
      const created = { callers: 0, copies: Promise.resolve([] as Answer[]) };
      // Copies are made once the answer is in, before any caller sees it (and writes into it).
      created.copies = ask().then(
        (answer) => {
          this.pending.delete(key);
          return [answer, ...Array.from({ length: created.callers - 1 }, () => this.copy(answer))];
        },
        (error: unknown) => {
          this.pending.delete(key);
          throw error;
        },
      );
      this.pending.set(key, created);
      entry = created;
    }
    const index = entry.callers++;
    return entry.copies.then((answers) => answers[index]!);
  }
}
