/** The page sizes lists offer; the API accepts up to 200. */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** What a list shows until the viewer picks another size. */
export const DEFAULT_PAGE_SIZE: PageSize = 50;
