import { describe, expect, it } from 'vitest';
import { formatDateText, isIsoDate, parseDateText } from './date-text';

const TODAY = '2026-11-27';

describe('a typed full date', () => {
  it.each([
    ['14.03.1978', '1978-03-14'],
    ['1.3.1978', '1978-03-01'],
    [' 14. 03. 1978 ', '1978-03-14'],
    ['14/03/1978', '1978-03-14'],
    ['1978-03-14', '1978-03-14'],
    ['1978-3-4', '1978-03-04'],
    ['29.02.2000', '2000-02-29'],
    ['31.12.2099', '2099-12-31'],
  ])('%s is read as %s', (input, expected) => {
    expect(parseDateText(input)).toEqual({ kind: 'date', value: expected });
  });

  it('is empty when nothing is typed', () => {
    expect(parseDateText('   ')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['14.03.78', 'format'],
    ['03.1978', 'format'],
    ['1978', 'format'],
    ['14-03-1978', 'format'],
    ['14.03.1978 12:00', 'format'],
    ['1978-03-14T00:00:00Z', 'format'],
    ['+1978-03-14', 'format'],
    ['14..03.1978', 'format'],
    ['14.03.1978.', 'format'],
    ['١٤.٠٣.١٩٧٨', 'format'],
    ['１４.０３.１９７８', 'format'],
    ['14.03.19789', 'format'],
    ['-1.03.1978', 'format'],
    ['14 März 1978', 'format'],
    ['<script>', 'format'],
    ['1'.repeat(10_000), 'format'],
    ['1.'.repeat(5_000) + '1978', 'format'],
    ['31.04.1978', 'no_such_day'],
    ['29.02.1981', 'no_such_day'],
    ['00.01.1978', 'no_such_day'],
    ['14.13.1978', 'no_such_day'],
    ['14.00.1978', 'no_such_day'],
    ['1978-02-30', 'no_such_day'],
    ['01.01.0000', 'too_old'],
    ['14.03.1899', 'too_old'],
  ])('%s is refused (%s)', (input, reason) => {
    expect(parseDateText(input)).toEqual({ kind: 'invalid', reason });
  });

  it('refuses a day after the last allowed one, and takes that day itself', () => {
    expect(parseDateText('28.11.2026', { notAfter: TODAY })).toEqual({
      kind: 'invalid',
      reason: 'in_future',
    });
    expect(parseDateText('27.11.2026', { notAfter: TODAY })).toEqual({
      kind: 'date',
      value: '2026-11-27',
    });
  });
});

describe('a typed date that may be known only in part', () => {
  const rules = { partial: true, notAfter: TODAY };
  it.each([
    ['14.03.1978', '1978-03-14'],
    ['03.1978', '1978-03'],
    ['3/1978', '1978-03'],
    ['1978', '1978'],
    ['1978-03', '1978-03'],
    ['2026', '2026'],
    ['11.2026', '2026-11'],
  ])('%s is read as %s', (input, expected) => {
    expect(parseDateText(input, rules)).toEqual({ kind: 'date', value: expected });
  });

  it.each([
    ['78', 'format'],
    ['13.1978', 'no_such_day'],
    ['12.2026', 'in_future'],
    ['2027', 'in_future'],
    ['1899', 'too_old'],
  ])('%s is refused (%s)', (input, reason) => {
    expect(parseDateText(input, rules)).toEqual({ kind: 'invalid', reason });
  });
});

describe('a date shown', () => {
  it.each([
    ['1978-03-14', 'de', '14.03.1978'],
    ['1978-03', 'de', '03.1978'],
    ['1978', 'de', '1978'],
    ['1978-03-14', 'en', '14/03/1978'],
    ['not a date', 'de', 'not a date'],
  ])('%s in %s reads %s', (value, language, expected) => {
    expect(formatDateText(value, language)).toBe(expected);
  });

  it('tells the API form from anything else', () => {
    expect(['1978-03-14', '1978-03', '1978', '14.03.1978', ''].map(isIsoDate)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
