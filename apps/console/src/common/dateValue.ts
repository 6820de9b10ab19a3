/** What a date field holds while its text is not a real date (31/02/2025, a half-typed date): refused by the validators. */
export const INVALID_DATE = "invalid-date";
