// The plain input types the documents share: the chapter's letterhead as a document prints it, and
// a signatory. The domain fills them (getChapterLetterhead); the documents never import the domain.
import type { LetterheadData } from "./Letterhead";

/** The chapter as its letters and reports show it: the kop surat, its name, place and time zone. */
export type ChapterLetterhead = LetterheadData & {
  id: string;
  name: string;
  code: string;
  /** IANA time zone of the chapter ("Asia/Pontianak"): the days its documents show */
  timeZone: string;
  /** the place a letter is written at ("Pontianak") */
  letterPlace: string;
};

/** Who signs under a title (the serving Ketua, Sekretaris, Bendahara); null leaves a blank line to sign on. */
export type Signatory = { name: string; title: string } | null;
