/**
 * The tokens a test file acts with, signed once before its first test:
 * `const tokens = useTokens({ hr1: () => hrOf(M1) })` at the top of the file, then `tokens.hr1`
 * inside tests and hooks.
 */
export function useTokens<Name extends string>(
  makers: Record<Name, () => Promise<string>>,
): Readonly<Record<Name, string>> {
  const signed: Partial<Record<Name, string>> = {};
  beforeAll(async () => {
    const names = Object.keys(makers) as Name[];
    const tokens = await Promise.all(names.map((name) => makers[name]()));
    names.forEach((name, i) => (signed[name] = tokens[i]));
  });
  return new Proxy(signed as Record<Name, string>, {
    get(_target, name) {
      if (typeof name === 'string' && name in makers && signed[name as Name] === undefined)
        throw new Error(`The token ${name} is not signed yet: use it inside tests and hooks.`);
      return Reflect.get(signed, name);
    },
  });
}
