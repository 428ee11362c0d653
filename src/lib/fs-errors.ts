/** What the file system said, in the words of the one who gave the path; Node's own text only for the unusual. */
const REASONS: Record<string, string> = {
  ENOENT: 'не найден',
  EACCES: 'нет прав доступа',
  EPERM: 'нет прав доступа',
  EISDIR: 'это папка, а не файл',
  ENOTDIR: 'часть пути — файл, а не папка',
  ENOSPC: 'на диске нет места',
  EROFS: 'файловая система только для чтения',
  EEXIST: 'уже существует',
  EMFILE: 'открыто слишком много файлов',
  ENAMETOOLONG: 'слишком длинное имя',
};

export function fsReason(error: unknown): string {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  return (code && REASONS[code]) ?? message ?? String(error);
}
