/** A progress bar on a terminal; plain lines otherwise (CI logs, pipes). Always on stderr. */
export function progress(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let done = 0;
  return {
    tick(label: string) {
      done += 1;
      if (!tty) {
        stream.write(`[${done}/${total}] ${label}\n`);
        return;
      }
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
      if (done === total) stream.write('\n');
    },
  };
}
