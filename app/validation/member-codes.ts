// The member statuses in their order, without zod: pages that only list them (the dashboard)
// do not load the validation library (docs/decisions/028). app/validation/members.ts
// re-exports them with the schemas.
import { MemberStatus } from "~/generated/prisma/enums";

export const MEMBER_STATUSES = Object.values(MemberStatus);
