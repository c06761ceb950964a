import { describe, expect, it } from 'vitest';
import { tableCsv } from './tableCsv.ts';

describe('tableCsv', () => {
  it('quotes fields with commas, quotes and line breaks; blanks missing values; keeps full precision', () => {
    const csv = tableCsv(['name', 'value'], [['a,b', 0.123456789], ['say "hi"', null], ['two\nlines', NaN], ['plain', 3]]);
    expect(csv).toBe('name,value\r\n"a,b",0.123456789\r\n"say ""hi""",\r\n"two\nlines",\r\nplain,3\r\n');
  });
});
