import { InFlight } from '../dedup';

/** A request that answers when told to, counting how often it was made. */
function upstream() {
  let made = 0;
  const waiting: ((answer: { rows: number[] }) => void)[] = [];
  return {
    ask: () => {
      made++;
      return new Promise<{ rows: number[] }>((resolve) => waiting.push(resolve));
    },
    answerAll: (answer: { rows: number[] }) => waiting.splice(0).forEach((resolve) => resolve(answer)),
    made: () => made,
  };
}

describe('in-flight deduplication', () => {
  test('identical requests under way together make one upstream request; each caller gets its own copy', async () => {
    const inFlight = new InFlight<{ rows: number[] }>((a) => structuredClone(a));
    const members = upstream();
    const first = inFlight.run('members page 1 as Anna', members.ask);
    const second = inFlight.run('members page 1 as Anna', members.ask);
    members.answerAll({ rows: [1, 2, 3] });
    const [a, b] = await Promise.all([first, second]);
    expect(members.made()).toBe(1);
    expect(a).toEqual({ rows: [1, 2, 3] });
    expect(b).toEqual(a);
    a.rows.push(4); // the gateway writes into answers: the other caller must not see it
    expect(b.rows).toEqual([1, 2, 3]);
    expect(inFlight.counts).toEqual({ upstream: 1, joined: 1 });
  });

  test('another caller, or a request after the answer came, asks again', async () => {
    const inFlight = new InFlight<{ rows: number[] }>((a) => structuredClone(a));
    const members = upstream();
    const anna = inFlight.run('page 1 as Anna', members.ask);
    const bram = inFlight.run('page 1 as Bram', members.ask);
    members.answerAll({ rows: [1] });
    await Promise.all([anna, bram]);
    const later = inFlight.run('page 1 as Anna', members.ask);
    members.answerAll({ rows: [1] });
    await later;
    expect(members.made()).toBe(3);
    expect(inFlight.size).toBe(0);
  });

  test('a failure reaches every caller that joined, and the next request asks again', async () => {
    const inFlight = new InFlight<number>((a) => a);
    let fail!: (error: Error) => void;
    const failing = () => new Promise<number>((_resolve, reject) => (fail = reject));
    const first = inFlight.run('k', failing);
    const second = inFlight.run('k', failing);
    fail(new Error('ECONNREFUSED'));
    await expect(first).rejects.toThrow('ECONNREFUSED');
    await expect(second).rejects.toThrow('ECONNREFUSED');
    await expect(inFlight.run('k', async () => 7)).resolves.toBe(7);
  });
});
