/** The known key closest to a mistyped one (`frmat` → `format`), when it is close enough to be meant. */

const distance = (a: string, b: string): number => {
  // Damerau-Levenshtein (optimal string alignment): a swap of two letters is one mistake
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
};

export const closestKey = (key: string, known: ReadonlyArray<string>): string | undefined => {
  const lower = key.toLowerCase();
  // up to one mistake in short keys, two from 6 characters, three from 12
  const allowed = key.length < 6 ? 1 : key.length < 12 ? 2 : 3;
  let best: { readonly key: string; readonly distance: number } | undefined;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    // the distance is at least the difference in length: most keys are ruled out without the table
    if (Math.abs(other.length - lower.length) > allowed) continue;
    const d = distance(lower, other);
    if (d <= allowed && (best === undefined || d < best.distance)) best = { key: candidate, distance: d };
  }
  return best?.key;
};
