/** Where the CLI takes the new user's password from; never the command line, which `ps` shows. */
export const PASSWORD_ENV = 'CREATE_USER_PASSWORD';

/**
 * The password from CREATE_USER_PASSWORD, else from stdin: piped (one line, without its end of
 * line), or typed at a terminal without echo.
 */
export async function readPassword(
  env: NodeJS.ProcessEnv = process.env,
  input: NodeJS.ReadStream = process.stdin,
  prompt: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!input.isTTY) return firstLine(await readAll(input));
  prompt.write('Password: ');
  const typed = await readHidden(input);
  prompt.write('\n');
  return typed;
}

const firstLine = (text: string) => text.split(/\r?\n/)[0];

async function readAll(input: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Raw mode: the terminal shows nothing; Enter ends, Backspace deletes, Ctrl-C aborts. */
function readHidden(input: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (outcome: () => void) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(() => resolve(typed));
        if (char === '\u0003') return done(() => reject(new Error('cancelled')));
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
