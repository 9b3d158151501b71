import { useId, type ReactNode } from 'react';

export interface CardProps {
  title: string;
  children: ReactNode;
  /** Extra classes, for the page's layout of its cards. */
  className?: string;
}

/** A titled panel; a labelled section, so screen-reader users can jump between cards. */
export function Card({ title, children, className }: CardProps) {
  const headingId = useId();
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
