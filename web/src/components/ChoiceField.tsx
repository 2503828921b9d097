// A labelled select of fixed choices, each shown by its word; with `none`, a first empty choice ('') named by it.
import type { ReactNode } from 'react';

export function ChoiceField<T extends string>({
  label,
  value,
  choices,
  word,
  onChange,
  none,
}: {
  label: ReactNode;
  value: T;
  choices: readonly T[];
  word: (choice: T) => string;
  onChange: (value: T) => void;
  none?: string;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {none !== undefined && <option value="">{none}</option>}
        {choices.map((c) => (
          <option key={c} value={c}>
            {word(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
