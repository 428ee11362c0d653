/**
 * The chain from `start` back to `start` when following `next` returns to it (`[a, b, a]`), else
 * undefined: the chain ends, or runs into a circle further on that `start` is not part of (reported at
 * that circle's own members). For «who is above whom» and «what replaces what» alike.
 */
export function circleThrough(start: string, next: (id: string) => string | null | undefined): string[] | undefined {
  const chain = [start];
  for (let at = next(start); at != null; at = next(at)) {
    if (at === start) return [...chain, start];
    if (chain.includes(at)) return undefined;
    chain.push(at);
  }
  return undefined;
}
