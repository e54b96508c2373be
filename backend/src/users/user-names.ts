/**
 * How usernames and e-mail addresses are compared, so look-alikes cannot sit beside each other:
 * - Unicode NFKC first, which turns compatibility forms into their plain letters (fullwidth
 *   `ａｌｉｃｅ`, ligatures, superscripts: `alice`), then case folding (`ALICE` → `alice`).
 * - Homoglyphs from other scripts (Cyrillic `а` for Latin `a`) are not made equal by any
 *   normalisation, so the names they could fake are kept to a safe character set instead:
 *   usernames are ASCII letters, digits, `_` and `-` (after NFKC), and new e-mail addresses are
 *   ASCII (an internationalised domain is written in its `xn--` form).
 * A username keeps the case it was typed in for display; its key (`usernameKey`) is unique.
 * E-mails are stored in their normalised form.
 */
export function normalizeEmail(raw: string): string {
  return fold(raw.trim());
}

export function usernameKey(username: string): string {
  return fold(username);
}

/** What a username is stored as: trimmed and NFKC-normalised, case as typed. */
export function normalizeUsername(raw: string): string {
  return raw.trim().normalize('NFKC');
}

function fold(value: string): string {
  // Lower-casing can leave a string that NFKC would change again; normalise on both sides.
  return value.normalize('NFKC').toLowerCase().normalize('NFKC');
}

/** Printable ASCII without spaces: what a new e-mail address may contain. */
export const ASCII_EMAIL = /^[\x21-\x7e]+$/;
