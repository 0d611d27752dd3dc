// Member constants shared by browser and server.

export const MEMBER_STATUSES = [
  "calon",
  "aktif",
  "nonaktif",
  "mengundurkan_diri",
  "meninggal",
  "diberhentikan",
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const SEXES = ["L", "P"] as const;
export type Sex = (typeof SEXES)[number];

/** Members listed per page in /members. */
export const MEMBERS_PAGE_SIZE = 50;
