import { Text, useInput, useStdin } from 'ink';
import { useRef, useState } from 'react';
import { STUDIO_METRICS, type StudioUpdate } from '../../experiment/studio/studio-session.js';
import type { StudioControl } from '../studio-control.js';
import { initialStudioState, studioKey, type StudioAction, type StudioScreenState } from '../studio-state.js';
import { useObservable } from '../use-observable.js';
import { StudioScreen } from './StudioScreen.js';

export interface StudioAppProps {
  readonly control: StudioControl;
  readonly title: string;
  /** Default names of the files `s` and `e` write. */
  readonly files: { readonly tweak: string; readonly history: string };
  readonly width: number;
  readonly height: number;
  readonly colorful: boolean;
  readonly onQuit: () => void;
}

const NOTHING_YET: StudioUpdate = { tweaks: [], comparison: undefined, planned: 0, running: false };

/** The studio on a terminal: its screen, and its keys carried out on the control. */
export function StudioApp({ control, title, files, width, height, colorful, onQuit }: StudioAppProps) {
  const update = useObservable(control.updates$, NOTHING_YET);
  const [state, setState] = useState<StudioScreenState>(() => initialStudioState(control.parameters));
  // Keys can come faster than React re-renders: each one works on the state the last one left.
  const latest = useRef(state);
  const { isRawModeSupported } = useStdin();
  const carryOut = (action: StudioAction): string | undefined => {
    switch (action.kind) {
      case 'set':
        return control.set(action.path, action.value);
      case 'pin':
        control.pin();
        return 'pinned: the tweak is the baseline now';
      case 'reset':
        control.reset();
        return 'reset to the baseline';
      case 'save':
        return control.save(action.file);
      case 'export':
        return control.exportHistory(action.file);
      case 'quit':
        onQuit();
        return undefined;
    }
  };
  useInput(
    (input, key) => {
      const { state: next, action } = studioKey(latest.current, input, key, { parameters: control.parameters, valueOf: (path) => control.valueOf(path), files });
      const said = action ? carryOut(action) : undefined;
      latest.current = said === undefined ? next : { ...next, message: said };
      setState(latest.current);
    },
    { isActive: isRawModeSupported === true },
  );
  if (isRawModeSupported !== true) return <Text>livesim studio needs a terminal that supports raw mode (keys one at a time); run it in an interactive terminal</Text>;
  return (
    <StudioScreen
      title={title}
      parameters={control.parameters}
      valueOf={(path) => control.valueOf(path)}
      state={state}
      update={update}
      history={control.history}
      metrics={STUDIO_METRICS}
      width={width}
      height={height}
      colorful={colorful}
    />
  );
}
