/**
 * Statistical disclosure control for ZeMAG's statistics (README.md beside this file).
 *
 * - **Primary suppression:** every count from 1 to 4 is withheld (`null`), totals included.
 * - **Zeros are shown.** A true 0 names nobody; withholding it would blank most of a small
 *   city's tables. Because zeros are shown, a reader knows that every withheld count is at
 *   least 1, and the protection below assumes exactly that reader.
 * - **Secondary suppression:** more counts are withheld until no withheld count can be worked
 *   out from the published ones — not from one total by subtraction, nor from several totals
 *   together (rows, columns and the grand total of a grid), given that it is at least 1.
 *   Zeros are never withheld as secondary cells; the smallest published counts are, and a total
 *   only when nothing else helps.
 *
 * Pure functions: no I/O, tested with examples and with fast-check against an exhaustive search
 * of every table the published numbers allow (suppression.test.ts).
 */

/** Counts below this are withheld. */
export const MIN_PUBLISHED = 5;

/** A published count, or null: withheld. */
export type Cell = number | null;

/** Whether a count is withheld for itself (1 to 4). */
export const isSmall = (count: number) => count >= 1 && count < MIN_PUBLISHED;

/** A breakdown that adds up to its total (every item counted in exactly one row). */
export interface ProtectedSeries {
  counts: Cell[];
  total: Cell;
}

function checkCounts(counts: readonly number[]) {
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`);
  }
}

/**
 * Whether every withheld count of a series with a published total can still move: it can go
 * up while another withheld count goes down (that one must be at least 2, it cannot fall below
 * 1), or down (itself at least 2) while another goes up. Otherwise subtraction pins it.
 */
function seriesHolds(values: readonly number[], withheld: readonly boolean[]): boolean {
  const hidden = values.filter((_, i) => withheld[i]);
  if (hidden.length === 0) return true;
  if (hidden.length === 1) return false;
  const aboveOne = hidden.filter((v) => v >= 2).length;
  // x can rise if some other withheld y ≥ 2 can fall; x can fall (x ≥ 2) if any other can rise.
  return hidden.every((x) => aboveOne - (x >= 2 ? 1 : 0) > 0 || x >= 2);
}

/**
 * Withholds the small counts of a series, then the smallest published ones until no withheld
 * count follows from the total. `totalWithheld` forces the total out (a total shared with other
 * series that had to withhold it: see `protectLinkedSeries`). `needsTotalWithheld`: only
 * withholding the total protects this series (every count it has is a withheld 1).
 */
export function protectSeries(
  counts: readonly number[],
  { totalWithheld = false }: { totalWithheld?: boolean } = {},
): ProtectedSeries & { needsTotalWithheld: boolean } {
  checkCounts(counts);
  const total = counts.reduce((sum, c) => sum + c, 0);
  const withheld = counts.map(isSmall);
  if (totalWithheld || isSmall(total)) {
    // Without a published total the counts are not tied to each other.
    return { counts: publish(counts, withheld), total: null, needsTotalWithheld: false };
  }
  while (!seriesHolds(counts, withheld)) {
    let next = -1;
    counts.forEach((count, i) => {
      if (!withheld[i] && count > 0 && (next < 0 || count < counts[next]!)) next = i;
    });
    if (next < 0) {
      // Every non-zero count is a withheld 1: only a withheld total keeps them apart.
      return { counts: publish(counts, withheld), total: null, needsTotalWithheld: true };
    }
    withheld[next] = true;
  }
  return { counts: publish(counts, withheld), total, needsTotalWithheld: false };
}

/**
 * Several breakdowns of the same items (incidents by month, by level, by department): they
 * share one total, so the total is withheld in all of them or in none.
 */
export function protectLinkedSeries(series: readonly (readonly number[])[]): ProtectedSeries[] {
  const totals = new Set(series.map((counts) => counts.reduce((sum, c) => sum + c, 0)));
  if (totals.size > 1) throw new RangeError('linked series must have the same total');
  const first = series.map((counts) => protectSeries(counts));
  const totalWithheld = first.some((s) => s.needsTotalWithheld);
  return (
    totalWithheld ? series.map((counts) => protectSeries(counts, { totalWithheld })) : first
  ).map(({ counts, total }) => ({ counts, total }));
}

/** Counts that do not add up to anything published (categories of an incident overlap). */
export function protectList(counts: readonly number[]): Cell[] {
  checkCounts(counts);
  return publish(counts, counts.map(isSmall));
}

function publish(counts: readonly number[], withheld: readonly boolean[]): Cell[] {
  return counts.map((count, i) => (withheld[i] ? null : count));
}

/** A cross table with its row totals, column totals and grand total. */
export interface ProtectedGrid {
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  total: Cell;
}

/**
 * The grid with its margins as one (rows + 1) × (columns + 1) table: the last row holds the
 * column totals, the last column the row totals, the corner the grand total. Negating the
 * margins, every row and column of it sums to 0, so the counts a reader cannot see can only
 * change together along a cycle of withheld cells that alternately rises and falls through
 * rows and columns. A withheld count is protected exactly when such a cycle passes through it
 * (every difference of two tables with the same published numbers is made of such cycles).
 *
 * As a graph: a node per row and per column; a withheld cell (i, j) is an edge row i → column j
 * when its signed value may rise by 1, and column j → row i when it may fall by 1. An inner cell
 * (or the corner) may always rise and may fall when it is at least 2; a margin, negated, the
 * other way round. A cell is protected when its edge closes a cycle.
 */
interface Extended {
  rows: number;
  columns: number;
  value(i: number, j: number): number;
  margin(i: number, j: number): boolean;
}

function extend(cells: readonly (readonly number[])[]): Extended {
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  const rowTotals = cells.map((row) => row.reduce((s, c) => s + c, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) =>
    cells.reduce((s, row) => s + row[j]!, 0),
  );
  const total = rowTotals.reduce((s, c) => s + c, 0);
  return {
    rows,
    columns,
    value: (i, j) =>
      i < rows
        ? j < columns
          ? cells[i]![j]!
          : rowTotals[i]!
        : j < columns
          ? columnTotals[j]!
          : total,
    margin: (i, j) => (i === rows) !== (j === columns),
  };
}

/** May the signed value of this cell rise (edge row → column) or fall (column → row)? */
function canRise(grid: Extended, i: number, j: number) {
  return grid.margin(i, j) ? grid.value(i, j) >= 2 : true;
}
function canFall(grid: Extended, i: number, j: number) {
  return grid.margin(i, j) ? true : grid.value(i, j) >= 2;
}

/** Node numbers: rows 0…R (R: the totals row), then columns R+1 … R+C+1. */
const rowNode = (i: number) => i;
const columnNode = (grid: Extended, j: number) => grid.rows + 1 + j;

/**
 * The cheapest path from `from` to `to` through cells (never `skip`), each cell costing
 * `cost(i, j)` (Infinity: unusable; 0: already withheld). Dijkstra over at most a few hundred
 * cells. Returns the cells on it, or null.
 */
function cheapestPath(
  grid: Extended,
  from: number,
  to: number,
  skip: readonly [number, number],
  cost: (i: number, j: number) => number,
): [number, number][] | null {
  const nodes = grid.rows + grid.columns + 2;
  const distance = new Array<number>(nodes).fill(Infinity);
  const via = new Array<[number, number, number] | null>(nodes).fill(null);
  const done = new Array<boolean>(nodes).fill(false);
  distance[from] = 0;
  for (;;) {
    let node = -1;
    for (let n = 0; n < nodes; n++) {
      if (!done[n] && distance[n]! < Infinity && (node < 0 || distance[n]! < distance[node]!))
        node = n;
    }
    if (node < 0) return null;
    if (node === to) break;
    done[node] = true;
    const isRow = node <= grid.rows;
    const count = isRow ? grid.columns + 1 : grid.rows + 1;
    for (let k = 0; k < count; k++) {
      const [i, j] = isRow ? [node, k] : [k, node - grid.rows - 1];
      if (i === skip[0] && j === skip[1]) continue;
      if (grid.value(i, j) === 0) continue;
      if (isRow ? !canRise(grid, i, j) : !canFall(grid, i, j)) continue;
      const step = cost(i, j);
      if (step === Infinity) continue;
      const next = isRow ? columnNode(grid, j) : rowNode(i);
      if (distance[node]! + step < distance[next]!) {
        distance[next] = distance[node]! + step;
        via[next] = [node, i, j];
      }
    }
  }
  const path: [number, number][] = [];
  for (let node = to; node !== from;) {
    const [previous, i, j] = via[node]!;
    path.push([i, j]);
    node = previous;
  }
  return path;
}

/** The cycle through a withheld cell that withholds the least, or null when none is needed. */
function protectingCycle(
  grid: Extended,
  withheld: readonly boolean[][],
  i: number,
  j: number,
  cost: (i: number, j: number) => number,
): [number, number][] | null {
  const paths: [number, number][][] = [];
  // The cell rises (row i → column j), the cycle returns from column j to row i; or it falls.
  if (canRise(grid, i, j)) {
    const path = cheapestPath(grid, columnNode(grid, j), rowNode(i), [i, j], cost);
    if (path) paths.push(path);
  }
  if (canFall(grid, i, j)) {
    const path = cheapestPath(grid, rowNode(i), columnNode(grid, j), [i, j], cost);
    if (path) paths.push(path);
  }
  const price = (path: [number, number][]) =>
    path.reduce((sum, [a, b]) => sum + (withheld[a]![b] ? 0 : cost(a, b)), 0);
  paths.sort((a, b) => price(a) - price(b));
  return paths[0] ?? null;
}

/** Prefer inner cells, then margins, the grand total last; among them the smallest count. */
const MARGIN_COST = 1e6;
const CORNER_COST = 1e9;

/**
 * Withholds the small counts of a cross table and its totals, then, for every withheld count
 * no cycle protects, the cheapest set of published non-zero counts that closes one.
 */
export function protectGrid(cells: readonly (readonly number[])[]): ProtectedGrid {
  for (const row of cells) checkCounts(row);
  if (new Set(cells.map((row) => row.length)).size > 1) throw new RangeError('ragged grid');
  const grid = extend(cells);
  const withheld = Array.from({ length: grid.rows + 1 }, (_, i) =>
    Array.from({ length: grid.columns + 1 }, (_, j) => isSmall(grid.value(i, j))),
  );
  const cost = (i: number, j: number) => {
    if (withheld[i]![j]) return 0;
    const corner = i === grid.rows && j === grid.columns;
    return grid.value(i, j) + (corner ? CORNER_COST : grid.margin(i, j) ? MARGIN_COST : 0);
  };
  // Each round protects at least one more withheld cell (every cell of the cycle it closes),
  // and no published cell is withheld twice: at most (R+1)(C+1) rounds.
  for (;;) {
    const open = findUnprotected(grid, withheld);
    if (!open) break;
    const cycle = protectingCycle(grid, withheld, open[0], open[1], cost);
    // A cycle through the margins always exists (a non-zero count has non-zero totals).
    if (!cycle) throw new Error('no protecting cycle: a bug in protectGrid');
    for (const [a, b] of cycle) withheld[a]![b] = true;
  }
  const shown = (i: number, j: number): Cell => (withheld[i]![j] ? null : grid.value(i, j));
  return {
    cells: cells.map((row, i) => row.map((_, j) => shown(i, j))),
    rowTotals: cells.map((_, i) => shown(i, grid.columns)),
    columnTotals: Array.from({ length: grid.columns }, (_, j) => shown(grid.rows, j)),
    total: shown(grid.rows, grid.columns),
  };
}

/** A withheld cell that no cycle of withheld cells protects, or null. */
function findUnprotected(grid: Extended, withheld: readonly boolean[][]): [number, number] | null {
  // Only withheld cells may carry the cycle here.
  const onlyWithheld = (i: number, j: number) => (withheld[i]![j] ? 0 : Infinity);
  for (let i = 0; i <= grid.rows; i++) {
    for (let j = 0; j <= grid.columns; j++) {
      if (!withheld[i]![j]) continue;
      if (!protectingCycle(grid, withheld, i, j, onlyWithheld)) return [i, j];
    }
  }
  return null;
}
