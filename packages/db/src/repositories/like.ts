/** Escapes LIKE's wildcards so a unit path or a typed name matches only itself. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
