/**
 * Limits of the numeric settings, applied where settings are read (src/configuration.ts). package.json declares the
 * same minimum and maximum, but VS Code only warns in the settings editor: a settings.json can still hold 1e12,
 * and Node fires a timer of more than 2^31-1 ms at once, so an unclamped time-out would be no time-out at all.
 * No vscode import, so the rules are unit-tested.
 */
export interface NumericSettingBounds {
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
  /** Round down to a whole number first. */
  readonly integer?: boolean;
}

export const REQUEST_TIMEOUT_SECONDS: NumericSettingBounds = { min: 1, max: 300, fallback: 30 };
export const PAGE_SIZE: NumericSettingBounds = { min: 1, max: 100, fallback: 100, integer: true };
/** `cbcm.overview.stableMajor`: 0 means "assume it from the fleet". */
export const OVERVIEW_STABLE_MAJOR: NumericSettingBounds = { min: 0, max: 999, fallback: 0, integer: true };

export interface BoundedValue {
  readonly value: number;
  /** Set when the value read was changed: a sentence for the log. */
  readonly note?: string;
}

export function boundSetting(name: string, raw: unknown, bounds: NumericSettingBounds): BoundedValue {
  if (raw === undefined) return { value: bounds.fallback };
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return { value: bounds.fallback, note: `Setting "${name}" is not a number; using ${bounds.fallback}.` };
  }
  const whole = bounds.integer ? Math.floor(raw) : raw;
  const value = Math.min(bounds.max, Math.max(bounds.min, whole));
  if (value === raw) return { value };
  return {
    value,
    note: `Setting "${name}" is ${raw}; it must be ${bounds.integer ? 'a whole number ' : ''}from ${bounds.min} to ${bounds.max}, so ${value} is used.`,
  };
}
