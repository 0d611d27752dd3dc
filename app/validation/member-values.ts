// How phone numbers and member numbers are shown, without zod (or the enums): the profile, the
// member page and the settings show them before anything is typed (docs/decisions/028).
// app/validation/members.ts re-exports them with the schemas.
import type { MembershipType, MemberStatus } from "~/generated/prisma/enums";

/** E.164 -> "0812-3456-7890" for people. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return "";
  const national = e164.startsWith("+62") ? `0${e164.slice(3)}` : e164;
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, "$1-$2-$3");
}

/**
 * A member number from the chapter's pattern: {KODE} chapter code, {TAHUN} year of joining,
 * {NOMOR:n} the serial padded to n digits ({NOMOR} unpadded).
 * formatMemberNumber("{KODE}-{TAHUN}-{NOMOR:4}", { code: "PTK", year: 2026, serial: 42 }) === "PTK-2026-0042"
 */
export function formatMemberNumber(pattern: string, parts: { code: string; year: number; serial: number }): string {
  return pattern
    .replaceAll("{KODE}", parts.code)
    .replaceAll("{TAHUN}", String(parts.year))
    .replace(/\{NOMOR(?::(\d+))?\}/g, (_m, width?: string) => String(parts.serial).padStart(Number(width ?? 0), "0"));
}

/** The query string that reproduces the filters (for links: pages, sorting, exports). */
export function memberFiltersQuery(filters: MemberFilters, extra: Record<string, string> = {}): string {
  const entries: [string, string | undefined][] = [
    ["q", filters.search],
    ["status", filters.status],
    ["kecamatan", filters.districtCode],
    ["kelurahan", filters.villageCode],
    ["jenis", filters.membershipType],
    ["sort", filters.sort === "name" ? undefined : filters.sort],
    ["dir", filters.direction === "asc" ? undefined : filters.direction],
  ];
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** How the member list may be sorted, and its filters as the URL carries them (parsed in members.ts). */
export const MEMBER_SORTS = ["name", "number", "joinDate", "status"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export type MemberFilters = {
  search?: string;
  status?: MemberStatus;
  districtCode?: string;
  villageCode?: string;
  membershipType?: MembershipType;
  sort: MemberSort;
  direction: "asc" | "desc";
};
