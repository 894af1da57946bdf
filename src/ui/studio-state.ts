/**
 * The studio screen's own state (which parameter is selected, what is being typed, what is
 * shown over the screen) and what each key does to it: a pure function, so the keys can be
 * tested without a terminal. What a key asks of the work behind the screen comes back as an
 * action for the screen to carry out.
 */
import type { StudioParameter } from '../experiment/studio/studio-parameters.js';
import { steppedValue } from '../experiment/studio/studio-parameters.js';

/** What the line at the bottom is for: browsing, or typing a filter, a value or a file name. */
type StudioMode = 'browse' | 'filter' | 'value' | 'save' | 'export';

export interface StudioScreenState {
  /** The selected parameter's path (it stays selected while the filter changes, if still shown). */
  readonly selected: string | undefined;
  readonly filter: string;
  readonly mode: StudioMode;
  /** What has been typed in a typing mode. */
  readonly input: string;
  readonly overlay: 'none' | 'help' | 'history';
  /** The last thing to tell the user: a refusal, where a file went. */
  readonly message: string | undefined;
}

/** The keys Ink reports that the studio uses. */
export interface StudioKey {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly ctrl?: boolean;
}

export type StudioAction =
  | { readonly kind: 'set'; readonly path: string; readonly value: number }
  | { readonly kind: 'pin' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'save'; readonly file: string }
  | { readonly kind: 'export'; readonly file: string }
  | { readonly kind: 'quit' };

export const initialStudioState = (parameters: readonly StudioParameter[]): StudioScreenState => ({
  selected: parameters[0]?.path,
  filter: '',
  mode: 'browse',
  input: '',
  overlay: 'none',
  message: undefined,
});

/** The parameters the filter leaves (by name, any case). */
export function visibleParameters(parameters: readonly StudioParameter[], filter: string): readonly StudioParameter[] {
  const wanted = filter.trim().toLowerCase();
  return wanted === '' ? parameters : parameters.filter((parameter) => parameter.path.toLowerCase().includes(wanted));
}

export interface KeyContext {
  readonly parameters: readonly StudioParameter[];
  readonly valueOf: (path: string) => number;
  /** The default names of files the studio writes. */
  readonly files: { readonly tweak: string; readonly history: string };
}

/** A key pressed: the state after it, and what it asks of the work behind the screen. */
export function studioKey(state: StudioScreenState, input: string, key: StudioKey, context: KeyContext): { state: StudioScreenState; action?: StudioAction } {
  if (key.ctrl && input === 'c') return { state, action: { kind: 'quit' } };
  if (state.mode !== 'browse') return typing(state, input, key, context);
  if (state.overlay !== 'none' && (key.escape || input === 'q' || input === (state.overlay === 'help' ? '?' : 'h'))) return { state: { ...state, overlay: 'none' } };
  const visible = visibleParameters(context.parameters, state.filter);
  const at = Math.max(0, visible.findIndex((parameter) => parameter.path === state.selected));
  const selected = visible[at];
  const quiet = { ...state, message: undefined };
  if (key.upArrow || key.downArrow) return { state: { ...quiet, selected: visible[Math.min(visible.length - 1, Math.max(0, at + (key.upArrow ? -1 : 1)))]?.path } };
  switch (input) {
    case '+':
    case '=':
    case '-':
    case '_':
      if (!selected) return { state };
      return { state: quiet, action: { kind: 'set', path: selected.path, value: steppedValue(selected, context.valueOf(selected.path), input === '+' || input === '=' ? 1 : -1) } };
    case '/':
      return { state: { ...quiet, mode: 'filter', input: state.filter } };
    case 'p':
      return { state: quiet, action: { kind: 'pin' } };
    case 'r':
      return { state: quiet, action: { kind: 'reset' } };
    case 'h':
      return { state: { ...quiet, overlay: state.overlay === 'history' ? 'none' : 'history' } };
    case '?':
      return { state: { ...quiet, overlay: state.overlay === 'help' ? 'none' : 'help' } };
    case 's':
      return { state: { ...quiet, mode: 'save', input: context.files.tweak } };
    case 'e':
      return { state: { ...quiet, mode: 'export', input: context.files.history } };
    case 'q':
      return { state, action: { kind: 'quit' } };
  }
  if (key.return && selected) return { state: { ...quiet, mode: 'value', input: String(context.valueOf(selected.path)) } };
  return { state };
}

/** A key while typing a filter, a value or a file name: enter takes it, escape leaves (a filter stays as typed; a value or a name is dropped). */
function typing(state: StudioScreenState, input: string, key: StudioKey, context: KeyContext): { state: StudioScreenState; action?: StudioAction } {
  if (key.escape) return { state: { ...state, mode: 'browse', input: '' } };
  if (key.backspace || key.delete) return { state: { ...state, input: state.input.slice(0, -1), ...(state.mode === 'filter' ? { filter: state.input.slice(0, -1) } : {}) } };
  if (!key.return) {
    const typed = state.input + input.replace(/[\r\n]/g, '');
    // The filter applies as it is typed; the selection moves to the first parameter it leaves, if the selected one goes.
    if (state.mode === 'filter') {
      const visible = visibleParameters(context.parameters, typed);
      const selected = visible.some((parameter) => parameter.path === state.selected) ? state.selected : visible[0]?.path;
      return { state: { ...state, input: typed, filter: typed, selected } };
    }
    return { state: { ...state, input: typed } };
  }
  const done = { ...state, mode: 'browse' as const, input: '' };
  switch (state.mode) {
    case 'filter':
      return { state: done };
    case 'value': {
      const value = Number(state.input.trim());
      if (state.input.trim() === '' || !Number.isFinite(value)) return { state: { ...done, message: `not a number: ${JSON.stringify(state.input)}` } };
      return state.selected === undefined ? { state: done } : { state: done, action: { kind: 'set', path: state.selected, value } };
    }
    case 'save':
      return { state: done, action: { kind: 'save', file: state.input.trim() || context.files.tweak } };
    case 'export':
      return { state: done, action: { kind: 'export', file: state.input.trim() || context.files.history } };
    default:
      return { state: done };
  }
}
