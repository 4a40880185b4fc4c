import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Cell,
  isSmall,
  protectGrid,
  protectLinkedSeries,
  protectList,
  protectSeries,
} from './suppression.js';

/** One published sum: `values[total]` = Σ `values[members]`. */
interface Sum {
  total: number;
  members: number[];
}

/**
 * The reader's side, by exhaustive search: the withheld cells whose value follows from what is
 * published. The reader knows every published count, every sum, that counts are whole numbers
 * and that a withheld count is at least 1 (zeros are shown). A cell is pinned when no table
 * with the same published numbers gives it another value. Search: interval propagation over
 * the sums, then branching on the smallest open domain (the tables here are small).
 */
function pinnedCells(truth: readonly number[], shown: readonly Cell[], sums: readonly Sum[]) {
  const cap = Math.max(0, ...truth) + 1;
  const lo = shown.map((v) => (v === null ? 1 : v));
  const hi = shown.map((v) => (v === null ? cap : v));

  function propagate(l: number[], h: number[]): boolean {
    for (let changed = true; changed;) {
      changed = false;
      for (const { total, members } of sums) {
        const sumLo = members.reduce((s, m) => s + l[m]!, 0);
        const sumHi = members.reduce((s, m) => s + h[m]!, 0);
        const tighten = (index: number, low: number, high: number) => {
          if (low > l[index]!) {
            l[index] = low;
            changed = true;
          }
          if (high < h[index]!) {
            h[index] = high;
            changed = true;
          }
        };
        tighten(total, sumLo, sumHi);
        for (const m of members) {
          tighten(m, l[total]! - (sumHi - h[m]!), h[total]! - (sumLo - l[m]!));
        }
        if (l.some((v, i) => v > h[i]!)) return false;
      }
    }
    return true;
  }

  function feasible(l: number[], h: number[]): boolean {
    if (!propagate(l, h)) return false;
    let open = -1;
    for (let i = 0; i < l.length; i++) {
      if (l[i]! < h[i]! && (open < 0 || h[i]! - l[i]! < h[open]! - l[open]!)) open = i;
    }
    if (open < 0) return true;
    for (let v = l[open]!; v <= h[open]!; v++) {
      const l2 = [...l];
      const h2 = [...h];
      l2[open] = v;
      h2[open] = v;
      if (feasible(l2, h2)) return true;
    }
    return false;
  }

  expect(feasible([...lo], [...hi]), 'the true table fits what is published').toBe(true);
  return shown.flatMap((v, i) => {
    if (v !== null) return [];
    const t = truth[i]!;
    const below = [...hi];
    below[i] = t - 1;
    const above = [...lo];
    above[i] = t + 1;
    const other = feasible([...lo], below) || feasible(above, [...hi]);
    return other ? [] : [i];
  });
}

/** A series as values [counts…, total] and its one sum. */
function seriesTable(counts: readonly number[], result: { counts: Cell[]; total: Cell }) {
  const truth = [...counts, counts.reduce((s, c) => s + c, 0)];
  const shown = [...result.counts, result.total];
  const sums = [{ total: counts.length, members: counts.map((_, i) => i) }];
  return { truth, shown, sums };
}

/** A grid as values [cells row by row…, row totals…, column totals…, total] and its sums. */
function gridTable(cells: readonly (readonly number[])[], result: ReturnType<typeof protectGrid>) {
  const rows = cells.length;
  const columns = cells[0]!.length;
  const cell = (i: number, j: number) => i * columns + j;
  const rowTotal = (i: number) => rows * columns + i;
  const columnTotal = (j: number) => rows * columns + rows + j;
  const total = rows * columns + rows + columns;
  const rowSums = cells.map((row) => row.reduce((s, c) => s + c, 0));
  const columnSums = cells[0]!.map((_, j) => cells.reduce((s, row) => s + row[j]!, 0));
  const truth = [...cells.flat(), ...rowSums, ...columnSums, rowSums.reduce((s, c) => s + c, 0)];
  const shown = [...result.cells.flat(), ...result.rowTotals, ...result.columnTotals, result.total];
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  const sums: Sum[] = [
    ...range(rows).map((i) => ({
      total: rowTotal(i),
      members: range(columns).map((j) => cell(i, j)),
    })),
    ...range(columns).map((j) => ({
      total: columnTotal(j),
      members: range(rows).map((i) => cell(i, j)),
    })),
    { total, members: range(rows).map(rowTotal) },
    { total, members: range(columns).map(columnTotal) },
  ];
  return { truth, shown, sums };
}

/** What every protected table must hold, whatever the counts. */
function expectProtected({ truth, shown, sums }: { truth: number[]; shown: Cell[]; sums: Sum[] }) {
  truth.forEach((value, i) => {
    if (isSmall(value)) expect(shown[i], `count ${value} at ${i} is withheld`).toBeNull();
    if (value === 0) expect(shown[i], 'a zero is shown').toBe(0);
    if (shown[i] !== null) expect(shown[i], 'a published count is the true one').toBe(value);
  });
  // By difference: no published total minus its published parts is a single withheld count.
  for (const { total, members } of sums) {
    const hidden = members.filter((m) => shown[m] === null);
    if (shown[total] !== null)
      expect(hidden.length, 'never one withheld part of a total').not.toBe(1);
  }
  expect(pinnedCells(truth, shown, sums), 'withheld counts the reader can work out').toEqual([]);
}

/** Counts as a small city has them: many zeros and small numbers, some larger ones. */
const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 14 }) },
);

describe("the reader's search used by these tests", () => {
  it('finds what primary suppression alone would give away', () => {
    // 25 − 10 − 12 = 3
    const alone = seriesTable([3, 10, 12], { counts: [null, 10, 12], total: 25 });
    expect(pinnedCells(alone.truth, alone.shown, alone.sums)).toEqual([0]);
    // two withheld 1s adding up to 2: both at least 1, so both 1
    const ones = seriesTable([1, 1, 10], { counts: [null, null, 10], total: 12 });
    expect(pinnedCells(ones.truth, ones.shown, ones.sums)).toEqual([0, 1]);
    // a rectangle of withheld cells in a grid, but its corners are 1s that cannot fall
    const cells = [
      [1, 1, 9],
      [1, 1, 9],
    ];
    const grid = gridTable(cells, {
      cells: [
        [null, null, 9],
        [null, null, 9],
      ],
      rowTotals: [11, 11],
      columnTotals: [2, 2, 18],
      total: 22,
    });
    expect(pinnedCells(grid.truth, grid.shown, grid.sums)).toEqual([0, 1, 3, 4]);
  });

  it('sees that a rectangle of larger withheld counts hides each of them', () => {
    const cells = [
      [2, 6, 9],
      [7, 1, 9],
    ];
    const grid = gridTable(cells, {
      cells: [
        [null, null, 9],
        [null, null, 9],
      ],
      rowTotals: [17, 17],
      columnTotals: [9, 7, 18],
      total: 34,
    });
    expect(pinnedCells(grid.truth, grid.shown, grid.sums)).toEqual([]);
  });
});

describe('primary suppression', () => {
  it('withholds every count from 1 to 4 and shows 0 and 5 and more', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(isSmall)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(protectList([0, 1, 4, 5, 120])).toEqual([0, null, null, 5, 120]);
  });

  it('withholds a total below 5, and then needs nothing more (the parts are no longer tied)', () => {
    expect(protectSeries([1, 0, 2])).toEqual({
      counts: [null, 0, null],
      total: null,
      needsTotalWithheld: false,
    });
  });

  it('shows a series of large counts as it is', () => {
    expect(protectSeries([5, 0, 17])).toEqual({
      counts: [5, 0, 17],
      total: 22,
      needsTotalWithheld: false,
    });
  });
});

describe('secondary suppression in a series (by difference)', () => {
  it('withholds the smallest other count when one small count would follow from the total', () => {
    // 25 − 12 − 10 would give the 3
    expect(protectSeries([3, 10, 12, 0])).toMatchObject({ counts: [null, null, 12, 0], total: 25 });
  });

  it('withholds one more when the withheld counts are all 1 (1 + 1 = 2 leaves each at 1)', () => {
    // total 12: 1 + 1 withheld would add up to 2 with both at least 1 — each would be 1
    expect(protectSeries([1, 1, 10])).toMatchObject({ counts: [null, null, null], total: 12 });
  });

  it('withholds the total when every count is a 1 and there is nothing else to withhold', () => {
    const ones = [1, 0, 1, 1, 1, 1, 0];
    expect(protectSeries(ones)).toEqual({
      counts: [null, 0, null, null, null, null, 0],
      total: null,
      needsTotalWithheld: true,
    });
  });

  it('withholds a shared total in every series of the same items, or in none', () => {
    // the same 5 items by month (one each) and by level
    const [byMonth, byLevel] = protectLinkedSeries([
      [1, 1, 1, 1, 1],
      [0, 0, 5, 0],
    ]);
    expect(byMonth).toEqual({ counts: [null, null, null, null, null], total: null });
    // otherwise 5 on level 2 would give the month total away
    expect(byLevel).toEqual({ counts: [0, 0, 5, 0], total: null });
    expect(() => protectLinkedSeries([[1], [2]])).toThrow(RangeError);
  });

  it('is protected against every reader who subtracts (property)', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 8 }), (counts) => {
        const result = protectSeries(counts);
        expectProtected(seriesTable(counts, result));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps linked series protected each, with one decision on their total (property)', () => {
    const item = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const months = Array.from({ length: 6 }, (_, m) => items.filter(([a]) => a === m).length);
        const levels = Array.from({ length: 4 }, (_, l) => items.filter(([, b]) => b === l).length);
        const results = protectLinkedSeries([months, levels]);
        expect(new Set(results.map((r) => r.total)).size).toBe(1);
        expectProtected(seriesTable(months, results[0]!));
        expectProtected(seriesTable(levels, results[1]!));
      }),
      { numRuns: 300 },
    );
  });
});

describe('secondary suppression in a cross table', () => {
  it('withholds a rectangle around a single small count', () => {
    const result = protectGrid([
      [20, 3, 15],
      [12, 9, 30],
    ]);
    // the 3 alone would follow from its row and its column; the cheapest rectangle with it
    // withholds 20 + 12 + 9 (the other side, 15 + 30 + 9, would cost more)
    expect(result.cells).toEqual([
      [null, null, 15],
      [null, null, 30],
    ]);
    expect(result.rowTotals).toEqual([38, 51]);
    expect(result.columnTotals).toEqual([32, 12, 45]);
    expect(result.total).toBe(89);
  });

  it('protects a small row total through the margins', () => {
    const result = protectGrid([
      [2, 1],
      [10, 20],
      [7, 8],
    ]);
    expectProtected(
      gridTable(
        [
          [2, 1],
          [10, 20],
          [7, 8],
        ],
        result,
      ),
    );
    expect(result.rowTotals[0]).toBeNull();
  });

  it('handles one row, one column and an all-zero table', () => {
    expect(protectGrid([[0, 0]])).toEqual({
      cells: [[0, 0]],
      rowTotals: [0],
      columnTotals: [0, 0],
      total: 0,
    });
    const single = protectGrid([[3]]);
    expect(single).toEqual({
      cells: [[null]],
      rowTotals: [null],
      columnTotals: [null],
      total: null,
    });
    expectProtected(gridTable([[1, 0, 9, 6]], protectGrid([[1, 0, 9, 6]])));
    expectProtected(gridTable([[1], [7], [8]], protectGrid([[1], [7], [8]])));
    expect(protectGrid([])).toEqual({ cells: [], rowTotals: [], columnTotals: [], total: 0 });
  });

  it('is protected against every reader who combines rows, columns and the total (property)', () => {
    const grid = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, columns]) =>
        fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows,
        }),
      );
    fc.assert(
      fc.property(grid, (cells) => {
        expectProtected(gridTable(cells, protectGrid(cells)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what is not a table of counts', () => {
    expect(() => protectGrid([[1, 2], [3]])).toThrow(RangeError);
    expect(() => protectSeries([1, -1])).toThrow(RangeError);
    expect(() => protectList([1.5])).toThrow(RangeError);
  });
});
