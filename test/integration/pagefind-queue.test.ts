import { describe, expect, it } from 'vitest';
import { pagefindQueue, type LoadPage } from '../../src/integration/search-index.ts';

/** Pagefind as the queue sees it: answers when the test says so, and remembers what it was sent. */
function fakePagefind() {
  const sent: string[] = [];
  const pending: Array<() => void> = [];
  const index = {
    addHTMLFile: (file: { url?: string }) =>
      new Promise<{ errors: string[]; file: never }>((resolve) => {
        sent.push(file.url!);
        pending.push(() => resolve({ errors: [], file: undefined as never }));
      }),
    writeFiles: async () => ({ errors: [], outputPath: '' }),
  };
  const answerAll = () => pending.splice(0).forEach((answer) => answer());
  return { index: index as unknown as Parameters<typeof pagefindQueue>[0], sent, answerAll };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pagefindQueue: pages go to Pagefind in order, ahead of its answers but not without bound', () => {
  it('sends in the order pages were queued, whatever order they become ready in, up to 32 unanswered', async () => {
    const pagefind = fakePagefind();
    const queue = pagefindQueue(pagefind.index, '/tmp/unused');
    const loads: string[] = [];
    const ready: Array<(load: LoadPage) => void> = [];
    for (let i = 0; i < 40; i++) queue.add(new Promise<LoadPage>((resolve) => ready.push(resolve)));
    const page =
      (i: number): LoadPage =>
      async () => {
        loads.push(`/p${i}/`);
        return { url: `/p${i}/`, content: '<html></html>', archived: false };
      };
    ready[1]!(page(1));
    await settle();
    expect(pagefind.sent).toEqual([]); // the first page is not ready: nothing may overtake it
    for (let i = 39; i >= 0; i--) if (i !== 1) ready[i]!(page(i));
    await settle();
    expect(pagefind.sent).toEqual(Array.from({ length: 32 }, (_, i) => `/p${i}/`));
    expect(loads).toHaveLength(32); // a page is loaded only when its turn to be sent comes
    pagefind.answerAll();
    await settle();
    expect(pagefind.sent).toHaveLength(40);
    pagefind.answerAll();
    await queue.write();
    expect(pagefind.sent).toEqual(Array.from({ length: 40 }, (_, i) => `/p${i}/`));
  });

  it('a page that cannot be loaded fails the writing with its message', async () => {
    const pagefind = fakePagefind();
    const queue = pagefindQueue(pagefind.index, '/tmp/unused');
    queue.add(Promise.resolve(async () => Promise.reject(new Error('страницы /nd/x/ нет в собранном сайте'))));
    await expect(queue.write()).rejects.toThrow('страницы /nd/x/ нет');
  });
});
