import SchemaBuilder from '@pothos/core';
import { graphql } from 'graphql';
import { BadUserInputError } from '../errors';
import InputGuardPlugin, { checkArguments } from '../graphql/input-guard';

/** The field and message the guard refuses `args` with, or null. */
function refusal(args: Record<string, unknown>) {
  try {
    checkArguments(args);
    return null;
  } catch (error) {
    if (error instanceof BadUserInputError) return { field: error.field, message: error.message };
    throw error;
  }
}

describe('checkArguments', () => {
  test('ordinary text, line breaks and parsed scalars pass', () => {
    expect(
      refusal({
        id: 'abc',
        input: { name: 'Ōmer', note: 'a\r\nb\tc', on: new Date(), amount: { toString: () => '1' }, n: 3, ok: true },
        list: ['a', 'b'],
        none: null,
      }),
    ).toBeNull();
  });

  test('a control character anywhere is refused with its path', () => {
    expect(refusal({ id: 'a\u0000' })?.field).toBe('id');
    expect(refusal({ input: { address: { street: 'Kerk\u0000straat' } } })).toEqual({
      field: 'input.address.street',
      message: 'The value of input.address.street contains a control character (U+0000); remove it.',
    });
    expect(refusal({ input: { parties: ['BKN', 'AVV\u0085'] } })?.field).toBe('input.parties.1');
    expect(refusal({ cells: [{ scale: 1 }, { note: '\u202E' }] })?.field).toBe('cells.1.note');
    expect(refusal({ input: Object.assign(Object.create(null), { name: '\u2067' }) })?.field).toBe('input.name');
  });

  test('text longer than 10,000 characters is refused, whatever the field', () => {
    expect(refusal({ input: { name: 'x'.repeat(10_000) } })).toBeNull();
    expect(refusal({ input: { name: 'x'.repeat(10_001) } })).toEqual({
      field: 'input.name',
      message: 'The value of input.name is longer than 10000 characters.',
    });
    // Counted as characters: 10,000 emoji are 20,000 UTF-16 units.
    expect(refusal({ s: '👍'.repeat(10_000) })).toBeNull();
  });
});

describe('the plugin', () => {
  // A builder of its own, as a future subgraph would have: the guard covers fields nobody listed.
  type Types = { Context: { calls: string[] } };
  // The other Pothos plugins in this program make their options required; this builder has none of them.
  const options = { plugins: [InputGuardPlugin] } as unknown as ConstructorParameters<typeof SchemaBuilder<Types>>[0];
  const builder = new SchemaBuilder<Types>(options);
  const Address = builder.inputType('Address', { fields: (t) => ({ street: t.string({ required: true }) }) });
  const Input = builder.inputType('Input', {
    fields: (t) => ({ names: t.stringList({ required: false }), address: t.field({ type: Address }) }),
  });
  builder.queryType({
    fields: (t) => ({
      echo: t.string({
        args: { input: t.arg({ type: Input, required: true }) },
        resolve: (_root, { input }, ctx) => {
          ctx.calls.push('echo');
          return JSON.stringify(input);
        },
      }),
      hello: t.string({ resolve: () => 'hello' }),
    }),
  });
  const schema = builder.toSchema();
  const run = (variables: Record<string, unknown>, calls: string[] = []) =>
    graphql({
      schema,
      source: 'query($input: Input!) { echo(input: $input) hello }',
      variableValues: variables,
      contextValue: { calls },
    });

  test('refuses before the resolver runs, with BAD_USER_INPUT and the argument path', async () => {
    const calls: string[] = [];
    const res = await run({ input: { names: ['a', 'b\u0000'], address: { street: 'ok' } } }, calls);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.names.1' });
    expect(calls).toEqual([]);
    expect(res.data?.hello).toBe('hello');
    const long = await run({ input: { address: { street: 'x'.repeat(10_001) } } });
    expect(long.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.address.street' });
  });

  test('lets good input through', async () => {
    const calls: string[] = [];
    const res = await run({ input: { names: ['a'], address: { street: 'Kerkstraat\n12' } } }, calls);
    expect(res.errors).toBeUndefined();
    expect(calls).toEqual(['echo']);
  });
});
