/** The lines of a checked visit list, grouped so the hits come first. */

interface OrderedLine {
  line: number;
  error: unknown;
  result: { candidates: readonly { level: number }[] } | null;
}

/** Hits first, then the lines not looked up, then those without an entry; each in list order. */
export interface VisitGroups<L> {
  hits: L[];
  failed: L[];
  none: L[];
}

/** Splits the lines into hits, not looked up and no entry, keeping the list's order in each. */
export function groupVisitLines<L extends OrderedLine>(lines: readonly L[]): VisitGroups<L> {
  const sorted = [...lines].sort((a, b) => a.line - b.line);
  return {
    hits: sorted.filter((l) => l.error === null && (l.result?.candidates.length ?? 0) > 0),
    failed: sorted.filter((l) => l.error !== null),
    none: sorted.filter((l) => l.error === null && (l.result?.candidates.length ?? 0) === 0),
  };
}

/** The highest level among a line's hits (0 when none): the overview shows it. */
export function highestLevel(line: OrderedLine): number {
  return Math.max(0, ...(line.result?.candidates ?? []).map((c) => c.level));
}

/** The anchor of a line's card, for the overview's links. */
export function visitLineAnchor(line: number): string {
  return `visit-line-${line}`;
}
