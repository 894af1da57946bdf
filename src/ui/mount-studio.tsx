/**
 * The studio on a terminal: the one bridge from a StudioControl to the Ink screen. Resolves when
 * the user quits (q or Ctrl+C); the screen is cleared and the terminal given back as it was.
 */
import { render } from 'ink';
import type { StudioControl } from './studio-control.js';
import { StudioApp } from './components/StudioApp.js';

export interface StudioMount {
  readonly control: StudioControl;
  readonly title: string;
  readonly files: { readonly tweak: string; readonly history: string };
  readonly colorful: boolean;
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
}

export async function mountStudio(options: StudioMount): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  let quit = () => {};
  const quitted = new Promise<void>((resolve) => (quit = resolve));
  const element = (columns: number, rows: number) => (
    <StudioApp control={options.control} title={options.title} files={options.files} width={Math.max(60, columns)} height={Math.max(16, rows)} colorful={options.colorful} onQuit={() => quit()} />
  );
  const instance = render(element(stdout.columns ?? 80, stdout.rows ?? 24), { stdout, stdin: options.stdin ?? process.stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 20 });
  const redraw = () => instance.rerender(element(stdout.columns ?? 80, stdout.rows ?? 24));
  stdout.on('resize', redraw);
  try {
    await quitted;
  } finally {
    stdout.off('resize', redraw);
    instance.clear();
    instance.unmount();
    await instance.waitUntilExit();
  }
}
