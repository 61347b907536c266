/**
 * The index of the first span that ends after `at`, in spans sorted by end (and not overlapping):
 * binary search; `spans.length` when none does.
 */
export function firstEndingAfter(spans: ReadonlyArray<{ readonly end: number }>, at: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.end <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}
