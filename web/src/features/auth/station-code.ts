/**
 * The shop's station code, remembered on the device: the packer station's address
 * (`/station/<code>`) names the account, and a station opened once at that address logs its
 * packers in with it afterwards (also at `/login/packer`).
 */
const STORAGE_KEY = 'ecomdir.stationCode';

export function rememberedStationCode(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberStationCode(code: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // A browser that refuses storage (private mode) asks for the code again next time.
  }
}

/** The station's address as the owner hands it out. */
export const stationAddress = (code: string) => `${window.location.origin}/station/${code}`;
