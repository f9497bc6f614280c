// Which Chrome major is "the current stable" for the overview's "on stable or the one before" figure. The admin
// can name it (setting `cbcm.overview.stableMajor`); otherwise it is assumed from the fleet. The highest major
// seen is NOT it: beta, dev and canary installs are one to three majors ahead, and counting those as "latest"
// made a healthy fleet look out of date. No vscode import.

import { l10n } from '../util/l10n';
export const STABLE_MAJOR_SETTING = 'cbcm.overview.stableMajor';

/**
 * How much of the most common major a newer major must hold to be taken as stable. Pre-release channels hold a
 * small fraction of a fleet, while a new stable major overtakes the previous one within days of its release;
 * half of the most common major separates the two without depending on the fleet's size.
 */
export const SUBSTANTIAL_SHARE_OF_MOST_COMMON = 0.5;

export type StableMajorSource = 'setting' | 'channel' | 'fleet';

export interface StableMajor {
  major: number;
  /** `setting`: the admin's; `channel`: from installs reported on the stable channel; `fleet`: from the majors seen. */
  source: StableMajorSource;
  /** One sentence for the admin: the major and how it was chosen. */
  explanation: string;
}

/** The highest major installed at least SUBSTANTIAL_SHARE_OF_MOST_COMMON times as often as the most common one. */
export function highestSubstantialMajor(counts: ReadonlyMap<number, number>): { major: number; mostCommon: number } | undefined {
  let mostCommon: number | undefined;
  for (const [m, n] of counts) {
    if (n <= 0) continue;
    const best = mostCommon === undefined ? 0 : counts.get(mostCommon)!;
    if (mostCommon === undefined || n > best || (n === best && m > mostCommon)) mostCommon = m;
  }
  if (mostCommon === undefined) return undefined;
  const needed = counts.get(mostCommon)! * SUBSTANTIAL_SHARE_OF_MOST_COMMON;
  let major = mostCommon;
  for (const [m, n] of counts) if (m > major && n >= needed) major = m;
  return { major, mostCommon };
}

export interface StableMajorInputs {
  /** The setting's value; 0 (or anything not a positive whole number) means "assume it from the fleet". */
  setting: number;
  /** Installs reported on the stable channel, by major (empty when the listing carries no channel, as BASIC). */
  stableChannel: ReadonlyMap<number, number>;
  /** All installs by major (a device with two majors counts under each). */
  installs: ReadonlyMap<number, number>;
}

/** undefined when nothing tells: no setting and no versions reported. */
export function chooseStableMajor(i: StableMajorInputs): StableMajor | undefined {
  if (Number.isSafeInteger(i.setting) && i.setting > 0) {
    return { major: i.setting, source: 'setting', explanation: l10n.t('Stable major {0}, set in settings ({1}).', i.setting, STABLE_MAJOR_SETTING) };
  }
  const fromChannel = highestSubstantialMajor(i.stableChannel);
  if (fromChannel) {
    return {
      major: fromChannel.major,
      source: 'channel',
      explanation: l10n.t(
        'Stable major {0}, assumed from the fleet: the newest major on the stable channel installed at least half as often as the most common one (Chrome {1}).',
        fromChannel.major,
        fromChannel.mostCommon,
      ),
    };
  }
  const fromFleet = highestSubstantialMajor(i.installs);
  if (!fromFleet) return undefined;
  return {
    major: fromFleet.major,
    source: 'fleet',
    explanation: l10n.t(
      'Stable major {0}, assumed from the fleet: the newest major installed at least half as often as the most common one (Chrome {1}); the listing does not say which channel a version comes from.',
      fromFleet.major,
      fromFleet.mostCommon,
    ),
  };
}
