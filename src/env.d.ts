declare module 'virtual:nd/view' {
  /** The snapshot of the published view this build's content loader reads. */
  export const snapshotFile: string;
}
