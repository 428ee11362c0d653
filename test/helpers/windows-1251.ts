import { execFileSync } from 'node:child_process';

/**
 * Text as Russian Windows saves it (code page 1251), written by glibc's iconv rather than by the
 * project: a character the code page lacks becomes its nearest look-alike or «?» (`//TRANSLIT`).
 */
export function windows1251(text: string): Uint8Array {
  return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'WINDOWS-1251//TRANSLIT'], { input: text }));
}
