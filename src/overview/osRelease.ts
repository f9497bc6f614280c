// The OS release an overview bar names ("Windows 11", "Mac 14"). Windows 11 still reports the kernel version
// 10.0.x (and often the product name "Windows 10" as well), so the first number of `osVersion` — what the API's
// `os` query field reads — calls every Windows 11 machine Windows 10. The build number tells them apart:
// Windows 11 starts at build 22000. No vscode import.

export const WINDOWS_11_FIRST_BUILD = 22_000;

/** First run of digits of an OS version ("10.0.19045" → "10"), as the `os` query field reads it. */
export function osMajor(osVersion: string | undefined): string | undefined {
  if (!osVersion) return undefined;
  const m = /^[0-9]+/.exec(osVersion);
  return m ? m[0] : undefined;
}

/** The build of a Windows NT 10.0 version written anywhere in `text` ("10.0.22631.4460" → 22631). */
export function windowsBuild(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /(?:^|[^0-9.])10\.0\.([0-9]{4,6})(?![0-9])/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * The release number shown after the platform: for Windows the build decides 10 or 11 (taken from
 * `osPlatformVersion` when it carries one, else from `osVersion`), then a "Windows 11" product name; for every
 * other platform (and older Windows) the first number of `osVersion`. undefined: nothing reported.
 */
export function osRelease(platform: string, osVersion: string | undefined, osPlatformVersion: string | undefined): string | undefined {
  if (platform === 'Windows') {
    const build = windowsBuild(osPlatformVersion) ?? windowsBuild(osVersion);
    if (build !== undefined) return build >= WINDOWS_11_FIRST_BUILD ? '11' : '10';
    if (osPlatformVersion && /\bWindows 11\b/i.test(osPlatformVersion)) return '11';
  }
  return osMajor(osVersion);
}

/** What the `os` query field compares with: the platform and the first number of `osVersion` ("Windows 10"). */
export function osFieldValue(platform: string, osVersion: string | undefined): string {
  const major = osMajor(osVersion);
  return major ? `${platform} ${major}` : platform;
}

/** The first three numbers of a dotted version ("10.0.19045.5131" → "10.0.19045"); undefined when it has fewer. */
export function buildPrefix(osVersion: string | undefined): string | undefined {
  const m = osVersion ? /^([0-9]+\.[0-9]+\.[0-9]+)(?![0-9])/.exec(osVersion) : null;
  return m ? m[1] : undefined;
}
