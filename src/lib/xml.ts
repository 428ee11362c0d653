/** Escapes text for XML content and attribute values: content text never becomes markup. */
export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than written as invalid references.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}
