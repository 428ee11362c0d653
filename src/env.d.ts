declare module 'virtual:nd/view' {
  /** The snapshot of the published view this build's pages read (src/site/view.ts). */
  export const snapshotFile: string;
}
