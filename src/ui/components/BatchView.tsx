import { Box, Text } from 'ink';
import { formatPercent, formatQuantity, formatSeconds } from '../../format.js';
import type { BatchState } from '../batch-state.js';
import { ProgressBar } from './ProgressBar.js';

export interface BatchViewProps {
  readonly state: BatchState;
  readonly width: number;
  readonly colorful: boolean;
}

/** Progress of a batch of replicates, with the running mean and 95% interval of the headline metrics. */
export function BatchView({ state, width, colorful }: BatchViewProps) {
  const status = `${state.done}/${state.planned} replicates${state.etaSeconds === undefined ? '' : `  ETA ${formatSeconds(state.etaSeconds)}`}`;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold color={colorful ? 'green' : undefined}>
          livesim
        </Text>{' '}
        {state.title}
      </Text>
      <Text>
        <ProgressBar progress={state.planned > 0 ? state.done / state.planned : 0} width={Math.max(10, width - status.length - 2)} color={colorful ? 'green' : undefined} />{' '}
        {status}
      </Text>
      {state.estimates.map(({ label, estimate, money }) => {
        const unit = money ? '¥' : '';
        const half = (estimate.ci95[1] - estimate.ci95[0]) / 2;
        const relative = estimate.mean !== 0 ? ` (±${formatPercent(half / Math.abs(estimate.mean))})` : '';
        return (
          <Text key={label} wrap="truncate">
            <Text dimColor>{label.padEnd(18)}</Text>
            {`${unit}${formatQuantity(estimate.mean)}`.padStart(10)}
            <Text dimColor>{`  [${unit}${formatQuantity(estimate.ci95[0])}, ${unit}${formatQuantity(estimate.ci95[1])}]${relative}`}</Text>
          </Text>
        );
      })}
      <Text dimColor>{state.stopping ? 'stopping: keeping the replicates that finished…' : 'q or Ctrl+C stops and keeps the replicates that finished'}</Text>
    </Box>
  );
}
