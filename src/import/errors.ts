/** A file the importer cannot read: the message says why, in Russian, and what to do. */
export class ImportError extends Error {}
