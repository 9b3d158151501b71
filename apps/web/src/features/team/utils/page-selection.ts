/**
 * The people chosen across pages after a change on the current page: choices on other pages
 * stay, and this page's become exactly `pageChoice` ('all' meaning every selectable row here).
 */
export function mergePageSelection(
  previous: ReadonlySet<number>,
  pageKeys: readonly number[],
  pageChoice: 'all' | Iterable<unknown>,
): Set<number> {
  const onPage = new Set(pageKeys);
  const chosen =
    pageChoice === 'all'
      ? onPage
      : new Set([...pageChoice].filter((k): k is number => typeof k === 'number' && onPage.has(k)));
  const next = new Set([...previous].filter((id) => !onPage.has(id)));
  for (const id of chosen) next.add(id);
  return next;
}
