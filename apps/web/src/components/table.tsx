import type { ReactNode } from 'react';
import {
  Cell as AriaCell,
  type CellProps,
  Column as AriaColumn,
  type ColumnProps,
  Row as AriaRow,
  type RowProps,
  Table as AriaTable,
  TableBody as AriaTableBody,
  type TableBodyProps,
  TableHeader as AriaTableHeader,
  type TableHeaderProps,
  type TableProps,
} from 'react-aria-components';

/**
 * A data table (react-aria grid: arrow-key navigation, announced headers). It scrolls sideways
 * inside its frame on narrow screens instead of squeezing columns unreadably, or, with
 * `stackOnPhones`, shows each row as a block on phones (the feature places the cells).
 */
export function Table({
  children,
  stackOnPhones = false,
  ...props
}: Omit<TableProps, 'className'> & { children: ReactNode; stackOnPhones?: boolean }) {
  return (
    <div className="table-frame">
      <AriaTable {...props} className={stackOnPhones ? 'table table--stacked' : 'table'}>
        {children}
      </AriaTable>
    </div>
  );
}

export function TableHeader<T extends object>(props: Omit<TableHeaderProps<T>, 'className'>) {
  return <AriaTableHeader {...props} className="table__header" />;
}

export function Column(props: Omit<ColumnProps, 'className'>) {
  return <AriaColumn {...props} className="table__column" />;
}

export function TableBody<T extends object>(props: Omit<TableBodyProps<T>, 'className'>) {
  return <AriaTableBody {...props} className="table__body" />;
}

export function Row<T extends object>(props: Omit<RowProps<T>, 'className'>) {
  return <AriaRow {...props} className="table__row" />;
}

export function Cell(props: Omit<CellProps, 'className'>) {
  return <AriaCell {...props} className="table__cell" />;
}
