-- DropIndex
DROP INDEX "Member_chapterId_fullName_idx";

-- DropIndex
DROP INDEX "Member_chapterId_status_idx";

-- CreateIndex
CREATE INDEX "Member_chapterId_fullName_id_idx" ON "Member"("chapterId", "fullName", "id");

-- CreateIndex
CREATE INDEX "Member_chapterId_memberNumber_fullName_id_idx" ON "Member"("chapterId", "memberNumber", "fullName", "id");

-- CreateIndex
CREATE INDEX "Member_chapterId_joinDate_fullName_id_idx" ON "Member"("chapterId", "joinDate", "fullName", "id");

-- CreateIndex
CREATE INDEX "Member_chapterId_joinDate_desc_fullName_id_idx" ON "Member"("chapterId", "joinDate" DESC, "fullName", "id");

-- CreateIndex
CREATE INDEX "Member_chapterId_status_fullName_id_idx" ON "Member"("chapterId", "status", "fullName", "id");

-- CreateIndex
CREATE INDEX "Member_chapterId_status_desc_fullName_id_idx" ON "Member"("chapterId", "status" DESC, "fullName", "id");


-- The member search (docs/decisions/030), written by hand: Prisma does not know virtual tables.
-- An FTS5 index of trigrams over what the search looks at, keyed by the member's rowid. It keeps
-- no copy of the text (content=''), so the NIK is not stored twice; contentless_delete lets the
-- triggers remove a member's entry. Case and accents are folded ("andre" finds "André").
CREATE VIRTUAL TABLE "MemberSearch" USING fts5(
  "name", "number", "nik", "phone",
  content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
);

INSERT INTO "MemberSearch" ("rowid", "name", "number", "nik", "phone")
  SELECT "rowid", "fullName", "memberNumber", "nik", "phone" FROM "Member";

CREATE TRIGGER "Member_search_insert" AFTER INSERT ON "Member" BEGIN
  INSERT INTO "MemberSearch" ("rowid", "name", "number", "nik", "phone")
    VALUES (new."rowid", new."fullName", new."memberNumber", new."nik", new."phone");
END;

CREATE TRIGGER "Member_search_update" AFTER UPDATE OF "fullName", "memberNumber", "nik", "phone" ON "Member" BEGIN
  DELETE FROM "MemberSearch" WHERE "rowid" = old."rowid";
  INSERT INTO "MemberSearch" ("rowid", "name", "number", "nik", "phone")
    VALUES (new."rowid", new."fullName", new."memberNumber", new."nik", new."phone");
END;

CREATE TRIGGER "Member_search_delete" AFTER DELETE ON "Member" BEGIN
  DELETE FROM "MemberSearch" WHERE "rowid" = old."rowid";
END;
