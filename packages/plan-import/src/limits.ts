/** What an import accepts. A plan is 10–40 pages; anything far beyond is refused before it is parsed. */
export const LIMITS = {
  /** Bytes of the uploaded file. */
  maxFileBytes: 20 * 1024 * 1024,
  maxPdfPages: 120,
  /** Characters of extracted text (a 40-page plan is ~100 000). */
  maxTextChars: 400_000,
  /** DOCX (a zip): entries, total uncompressed bytes, and the inflation ratio of any one entry. */
  maxZipEntries: 500,
  maxZipUncompressedBytes: 60 * 1024 * 1024,
  maxZipRatio: 200,
  /** A PDF whose pages average fewer characters than this has no usable text layer (a scan). */
  minCharsPerPage: 40,
} as const;
