// Position kinds and the reasons a holding ends, without zod: the leadership forms show them before
// anything is typed (docs/decisions/028). app/validation/leadership.ts re-exports them.
import { HoldingEndReason, PositionKind } from "~/generated/prisma/enums";

export const POSITION_KINDS = Object.values(PositionKind);

/** Positions of these kinds always have one holder at a time. */
export const SINGLE_HOLDER_KINDS: readonly PositionKind[] = ["ketua", "sekretaris", "bendahara"];

export const HOLDING_END_REASONS = Object.values(HoldingEndReason);
