/**
 * The plan's revision: a short fingerprint of the stored plan text. The run view remembers the
 * revision a preview was computed under; when a collaborator saves another plan meanwhile, the
 * revisions differ and the preview is stale. A fingerprint of the content (rather than a counter
 * kept in a second key) needs no extra write and cannot drift from the plan it describes.
 */

/**
 * FNV-1a, 32 bits, over UTF-16 code units, as 8 hex digits. Not a security hash: it only has to
 * tell two saved plans apart, and its output goes into the run log, so it is short.
 *
 * @example planRevision('{}') // 'ad58a9b2' style: 8 hex digits, the same for the same text
 */
export function planRevision(stored: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < stored.length; i++) {
    hash ^= stored.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
