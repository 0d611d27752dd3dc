// Region codes (Kemendagri): "61" province, "61.71" kab/kota, "61.71.01" kecamatan,
// "61.71.01.1001" kelurahan/desa. A chapter's area is its region and everything under it.

/** Whether a region code lies in an area: the area itself, or a region under it. */
export function inRegion(code: string, areaCode: string): boolean {
  return code === areaCode || code.startsWith(`${areaCode}.`);
}

/**
 * A name folded for search: lower case, accents dropped, nothing but letters and digits. "Darat
 * Sekip", "daratsekip", "Darat-Sekip" and "D.A.R.A.T sekip" all fold to "daratsekip".
 */
export function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * The search key kept on a region: its display name folded and, when a board renamed it, the
 * official name folded too ("|" never occurs in a folded query, so no match spans the two).
 */
export function regionSearchKey(name: string, officialName: string): string {
  const shown = foldName(name);
  const official = foldName(officialName);
  return official === "" || official === shown ? shown : `${shown}|${official}`;
}

/** The three time zones of Indonesia, as IANA names (WIB, WITA, WIT). */
export const INDONESIAN_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export type IndonesianTimeZone = (typeof INDONESIAN_TIME_ZONES)[number];

/** WITA: Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara and every Sulawesi province. */
const WITA_PROVINCES = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);

/**
 * The time zone of a region (any level) from its province code: WIT for Maluku, Maluku Utara and
 * every Papua province (81, 82, 91-97), WITA for the provinces above, WIB for the rest (Sumatera,
 * Jawa, Kalimantan Barat and Tengah).
 */
export function timeZoneOfRegion(code: string): IndonesianTimeZone {
  const province = code.split(".")[0] ?? "";
  if (province === "81" || province === "82" || province.startsWith("9")) return "Asia/Jayapura";
  if (WITA_PROVINCES.has(province)) return "Asia/Makassar";
  return "Asia/Jakarta";
}
