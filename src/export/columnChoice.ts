// The columns an admin chose for each row shape, remembered per workspace (the command passes
// `context.workspaceState`). Only column ids are stored: never data, never secrets. No vscode import.
import { DEFAULT_COLUMNS, columnsFor, type ExportColumn, type RowShape } from './columns';

/** The part of vscode.Memento this needs. */
export interface ChoiceMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const COLUMN_CHOICE_KEY = 'cbcm.export.columns';

type Stored = Partial<Record<RowShape, string[]>>;

export class ExportColumnChoices {
  constructor(private readonly memento: ChoiceMemento) {}

  /** The remembered columns of `shape` in catalogue order (unknown ids dropped), or the defaults. */
  get(shape: RowShape): ExportColumn[] {
    const stored = this.memento.get<Stored>(COLUMN_CHOICE_KEY)?.[shape];
    const ids = new Set(Array.isArray(stored) && stored.length > 0 ? stored : DEFAULT_COLUMNS[shape]);
    const chosen = columnsFor(shape).filter((c) => ids.has(c.id));
    return chosen.length > 0 ? chosen : columnsFor(shape).filter((c) => DEFAULT_COLUMNS[shape].includes(c.id));
  }

  async set(shape: RowShape, columns: readonly ExportColumn[]): Promise<void> {
    const stored = { ...(this.memento.get<Stored>(COLUMN_CHOICE_KEY) ?? {}) };
    stored[shape] = columns.map((c) => c.id);
    await this.memento.update(COLUMN_CHOICE_KEY, stored);
  }
}
