/**
 * A report table's column headings; a blank corner cell first when the rows' own headings need
 * no heading above them.
 */
export function ReportTableHead({
  headings,
  blankCorner = false,
}: {
  headings: readonly string[];
  blankCorner?: boolean;
}) {
  return (
    <thead>
      <tr>
        {blankCorner ? <td /> : null}
        {headings.map((heading, i) => (
          <th key={i} scope="col">
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}
