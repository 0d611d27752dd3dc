-- CreateTable
CREATE TABLE "MemberTally" (
    "chapterId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "membershipType" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("chapterId", "status", "membershipType")
);


-- Kept in step by triggers on "Member" (docs/decisions/030), written by hand. A row may fall to
-- 0; it is never removed.
INSERT INTO "MemberTally" ("chapterId", "status", "membershipType", "count")
  SELECT "chapterId", "status", "membershipType", count(*) FROM "Member" GROUP BY 1, 2, 3;

CREATE TRIGGER "Member_tally_insert" AFTER INSERT ON "Member" BEGIN
  INSERT INTO "MemberTally" ("chapterId", "status", "membershipType", "count")
    VALUES (new."chapterId", new."status", new."membershipType", 1)
    ON CONFLICT ("chapterId", "status", "membershipType") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Member_tally_update" AFTER UPDATE OF "chapterId", "status", "membershipType" ON "Member" BEGIN
  UPDATE "MemberTally" SET "count" = "count" - 1
    WHERE "chapterId" = old."chapterId" AND "status" = old."status" AND "membershipType" = old."membershipType";
  INSERT INTO "MemberTally" ("chapterId", "status", "membershipType", "count")
    VALUES (new."chapterId", new."status", new."membershipType", 1)
    ON CONFLICT ("chapterId", "status", "membershipType") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Member_tally_delete" AFTER DELETE ON "Member" BEGIN
  UPDATE "MemberTally" SET "count" = "count" - 1
    WHERE "chapterId" = old."chapterId" AND "status" = old."status" AND "membershipType" = old."membershipType";
END;
