import type { Department } from '@zemag/contracts';
import type { SelectOption } from '../../ui/select-field';

/** Departments as select options, `code – name`, in code order, after an optional first entry. */
export function departmentOptions(
  departments: readonly Department[],
  first?: SelectOption,
): SelectOption[] {
  const sorted = [...departments].sort((a, b) =>
    a.code.localeCompare(b.code, 'de', { numeric: true }),
  );
  return [
    ...(first ? [first] : []),
    ...sorted.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` })),
  ];
}
