/** Shown when a query succeeded but found nothing: says so plainly. */
export function EmptyState({ message }: { message: string }) {
  return (
    <div className="state state--empty">
      <p className="state__message">{message}</p>
    </div>
  );
}
