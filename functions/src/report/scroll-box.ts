// A mail's data table in a box of its own that scrolls, so that a wide table never widens the whole mail.

/**
 * The report's named table (ten columns) is wider than the mail's 640 pixels, a trajectory (four columns) or the
 * Union's digest wider than a 320-pixel phone, and on a phone every paragraph would then run off the screen. A table
 * cell is at least as wide as its content's narrowest layout, so the box takes no width of its own (`width:0`) and
 * then its container's (`min-width:100%`). Inline, to hold where the style sheet is dropped; a keyboard reaches the
 * box (`tabindex`) and a screen reader names it by the table's caption, whose `id` (unique in the mail) is given.
 * Outlook for Windows ignores these and shows the table at its full width.
 */
export const scrollBox = (captionId: string, table: string): string =>
  `<div role="region" aria-labelledby="${captionId}" tabindex="0" style="overflow:auto;width:0;min-width:100%">${table}</div>`;
