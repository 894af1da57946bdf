import { Box, Text } from 'ink';
import type { StudioParameter } from '../../experiment/studio/studio-parameters.js';
import type { HistoryEntry, StudioUpdate } from '../../experiment/studio/studio-session.js';
import { visibleParameters, type StudioScreenState } from '../studio-state.js';
import { ComparisonPanel, reading } from './ComparisonPanel.js';
import { ParameterList } from './ParameterList.js';
import { STUDIO_KEYS_LINE, StudioHelp } from './StudioHelp.js';
import { StudioHistory } from './StudioHistory.js';
import { fit } from './text.js';

export interface StudioScreenProps {
  readonly title: string;
  readonly parameters: readonly StudioParameter[];
  readonly valueOf: (path: string) => number;
  readonly state: StudioScreenState;
  readonly update: StudioUpdate;
  readonly history: readonly HistoryEntry[];
  readonly metrics: readonly string[];
  readonly width: number;
  readonly height: number;
  readonly colorful: boolean;
}

const PROMPTS = { filter: 'filter: ', value: 'value: ', save: 'save the tweak to: ', export: 'export the history to: ' } as const;

/** The selected parameter in full: its unit, its prior range and where the range comes from, and what the schema allows. */
function detail(parameter: StudioParameter | undefined): string {
  if (!parameter) return 'no parameter matches the filter';
  const unit = parameter.unit === '' ? '' : ` · ${parameter.unit}`;
  return `${parameter.path}${unit} · prior ${parameter.low}–${parameter.high} (${parameter.source}) · was ${parameter.value}`;
}

/** Parameters on the left, the paired comparison on the right; the selected parameter, a prompt or a message, and the keys below. */
export function StudioScreen({ title, parameters, valueOf, state, update, history, metrics, width, height, colorful }: StudioScreenProps) {
  const visible = visibleParameters(parameters, state.filter);
  const selected = visible.find((parameter) => parameter.path === state.selected);
  const left = Math.min(44, Math.max(28, Math.floor(width * 0.38)));
  const right = Math.max(20, width - left - 2);
  const body = Math.max(3, height - 6);
  const gain = update.comparison?.metrics.find((metric) => metric.name === 'gain');
  const bottom = state.mode === 'browse' ? (state.message ?? '') : `${PROMPTS[state.mode]}${state.input}▏`;
  // Help and history take the whole body: their lines are long.
  const overlay = state.overlay === 'help' ? <StudioHelp width={width} /> : state.overlay === 'history' ? <StudioHistory history={history} width={width} height={body} /> : null;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">{fit(`livesim studio · ${title}${state.filter ? ` · filter "${state.filter}" (${visible.length})` : ''}`, width)}</Text>
      <Box flexDirection="row" height={body}>
        {overlay ?? (
          <>
            <ParameterList parameters={visible} selected={state.selected} valueOf={valueOf} width={left} height={body} />
            <Box width={2} />
            <ComparisonPanel update={update} metrics={metrics} width={right} colorful={colorful} />
          </>
        )}
      </Box>
      <Text bold wrap="truncate">{fit(gain ? reading(gain, update.running) : '', width)}</Text>
      <Text dimColor wrap="truncate">{fit(detail(selected), width)}</Text>
      <Text wrap="truncate" color={colorful && state.mode === 'browse' && state.message ? 'yellow' : undefined}>{fit(bottom, width)}</Text>
      <Text dimColor wrap="truncate">{fit(STUDIO_KEYS_LINE, width)}</Text>
    </Box>
  );
}
