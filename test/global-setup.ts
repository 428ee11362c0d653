import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Browser tests drive Debian's Chromium. `npm test` on a fresh Debian machine installs it when it can
 * (as root), so the README's one command is the whole set-up; otherwise it says what to install.
 */
export default function setup() {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) throw new Error('Для браузерных тестов нужен Chromium: sudo apt-get install -y chromium');
  process.stdout.write('Устанавливаю Chromium из пакетов Debian…\n');
  execFileSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
}
