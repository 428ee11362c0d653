/**
 * `npm run new -- document|edition|appendix <код> [--title …] [--unit …] [--access …] [--major] [--version N] [--number N] [--root DIR] [--date YYYY-MM-DD]`
 * Scaffolds content that passes `npm run check` except the fields marked «ЗАПОЛНИТЬ».
 * In a terminal it asks for what the flags leave out; elsewhere it names the missing flags.
 * Exit 0: created; 1: the file exists (nothing written); 2: wrong or missing input.
 */
import { cancel, intro, isCancel, select, text, updateSettings } from '@clack/prompts';
import { ConfigError, loadConfig, type ConfigOverrides } from '../src/lib/config.ts';
import { runNew, type Asker } from '../src/authoring/cli.ts';

/** `--root` and `--date` are the checker's; the rest is the scaffold's. */
function splitCommon(argv: string[]): { overrides: ConfigOverrides; rest: string[] } {
  const overrides: ConfigOverrides = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === '--root' || flag === '--date') {
      const value = inline ?? argv[++i] ?? '';
      if (value) overrides[flag === '--root' ? 'contentRoot' : 'buildDate'] = value;
    } else rest.push(arg);
  }
  return { overrides, rest };
}

// Clack's own words are English: its spinner messages are set here, its key hints replaced below.
updateSettings({ messages: { cancel: 'Отменено', error: 'Что-то пошло не так' } });

const clackAsker: Asker = {
  async text(message, placeholder, check) {
    const answer = await text({ message, placeholder, validate: (v) => (v?.trim() ? check?.(v) : 'нужно значение') });
    return isCancel(answer) ? undefined : answer;
  },
  async select(message, options) {
    // The list's key hints («↑/↓ to navigate • Enter: confirm») are English: ours go in the question.
    const answer = await select({ message: `${message} (↑/↓ — выбор, Enter — подтвердить, Esc — отмена)`, options, showInstructions: false });
    return isCancel(answer) ? undefined : answer;
  },
};

async function main() {
  const { overrides, rest } = splitCommon(process.argv.slice(2));
  const config = loadConfig(process.cwd(), process.env, overrides);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (interactive) intro('Новый нормативный документ, редакция или приложение');
  process.exitCode = await runNew(rest, {
    root: config.contentRootAbs,
    date: config.buildDate,
    ask: interactive ? clackAsker : undefined,
    out: (t) => process.stdout.write(t),
    err: (t) => (interactive ? cancel(t.trim()) : process.stderr.write(t)),
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`✗ ${error.message}\n`);
  else process.stderr.write(`Ничего не создано: ${(error as Error).message ?? String(error)}\n`);
  process.exit(2);
});
