/** A column: its heading, or one read only by screen readers (actions), or a numeric one. */
export type Column = string | { label: string; numeric?: boolean; screenReaderOnly?: boolean };

/** The head row of a KERN table, one column heading per entry. */
export function ColumnHeads({ columns }: { columns: Column[] }) {
  return (
    <thead className="kern-table__head">
      <tr className="kern-table__row">
        {columns.map((column) => {
          const {
            label,
            numeric = false,
            screenReaderOnly = false,
          } = typeof column === 'string' ? { label: column } : column;
          return (
            <th
              key={label}
              scope="col"
              className={`kern-table__header${numeric ? ' kern-table__header--numeric' : ''}`}
            >
              {screenReaderOnly ? <span className="kern-sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
