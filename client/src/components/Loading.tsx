export function Loading({ what = 'Laddar' }: { what?: string }) {
  return (
    <p className="muted" role="status">
      {what} …
    </p>
  );
}
