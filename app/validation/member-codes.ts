// The member statuses and membership types in their order, without zod: pages that only list them
// (the dashboard, the member form before anything is typed) do not load the validation library
// (docs/decisions/028). app/validation/members.ts re-exports them with the schemas.
import { MembershipType, MemberStatus } from "~/generated/prisma/enums";

export const MEMBER_STATUSES = Object.values(MemberStatus);

export const MEMBERSHIP_TYPES = Object.values(MembershipType);
