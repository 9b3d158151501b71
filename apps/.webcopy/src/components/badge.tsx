import type { ReactNode } from 'react';

/** A small label for a status or a role; text only, so its meaning never rests on colour. */
export function Badge({ children }: { children: ReactNode }) {
  return <span className="badge">{children}</span>;
}
