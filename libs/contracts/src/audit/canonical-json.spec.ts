import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('given keys in any order at any depth, then they are written sorted, without whitespace', () => {
    const one = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } };
    const other = { a: { c: null, d: [3, { y: 2, z: 1 }] }, b: 1 };

    expect(canonicalJson(one)).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(other)).toBe(canonicalJson(one));
  });

  it('given arrays, then their order is kept', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
  });

  it('given keys beyond ASCII, then they sort by UTF-16 code units as RFC 8785 says', () => {
    // U+20AC (€) sorts after U+00E9 (é); U+1F600 (😀, surrogates D83D DE00) before U+FB01 (ﬁ).
    const value = { '€': 1, é: 2, ﬁ: 3, '😀': 4, a: 5, B: 6 };

    expect(canonicalJson(value)).toBe('{"B":6,"a":5,"é":2,"€":1,"😀":4,"ﬁ":3}');
  });

  it('given non-ASCII text, then it is kept as is: not escaped, not normalized', () => {
    const composed = 'Caf\u00e9';
    const decomposed = 'Cafe\u0301';

    expect(canonicalJson({ name: composed })).toBe('{"name":"Café"}');
    expect(canonicalJson({ name: '日本語 😀' })).toBe('{"name":"日本語 😀"}');
    expect(canonicalJson(composed)).not.toBe(canonicalJson(decomposed));
  });

  it('given quotes, backslashes and control characters, then they are escaped as JSON does', () => {
    expect(canonicalJson('a"b\\c\n\u0001')).toBe('"a\\"b\\\\c\\n\\u0001"');
  });

  it('given the RFC 8785 sample, then the output is the RFC canonical form', () => {
    const sample = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals":[null,true,false]}',
    ) as unknown;

    expect(canonicalJson(sample)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('given numbers, then integers written as floats and negative zero read the same', () => {
    expect(canonicalJson({ n: 1.0, z: -0, big: 1e21, small: 0.1 })).toBe(
      '{"big":1e+21,"n":1,"small":0.1,"z":0}',
    );
  });

  it('given a Date or another value with toJSON, then its JSON form is written', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z') })).toBe(
      '{"at":"2026-01-02T03:04:05.006Z"}',
    );
  });

  it('given undefined properties, then they are left out like JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it.each([
    ['NaN', { n: NaN }, /\$\.n: NaN has no JSON form/],
    ['Infinity', [Infinity], /\$\[0\]: Infinity has no JSON form/],
    ['a bigint', { n: 1n }, /\$\.n: a bigint has no JSON form/],
    ['undefined in an array', [undefined], /\$\[0\]: a undefined has no JSON form/],
    ['a function', { f: () => 1 }, /\$\.f: a function has no JSON form/],
  ])('given %s, then it throws naming the path instead of writing null', (_, value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });
});
