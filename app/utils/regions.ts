// Region codes (Kemendagri): "61" province, "61.71" kab/kota, "61.71.01" kecamatan,
// "61.71.01.1001" kelurahan/desa. A chapter's area is its region and everything under it.

/** Whether a region code lies in an area: the area itself, or a region under it. */
export function inRegion(code: string, areaCode: string): boolean {
  return code === areaCode || code.startsWith(`${areaCode}.`);
}
