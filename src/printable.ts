/**
 * Text that came from a file (a manifest, a directory name) made safe to show on a terminal:
 * escape sequences and other control characters removed, so a stored string can never move the
 * cursor, retitle the window or hide what follows.
 */

/** ESC sequences (CSI, OSC and the rest), then any C0 or C1 control character left (tabs and newlines too). */
const CONTROL = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])?|[\u0000-\u001f\u007f-\u009f]/g;

export const printable = (text: string): string => text.replace(CONTROL, '');
