import { Box, Text } from 'ink';
import { formatCountShort, formatSeconds } from '../../format.js';
import { formatDuration } from '../../scenario/units.js';
import type { DashboardState } from '../dashboard-state.js';
import { ProgressBar } from './ProgressBar.js';

export interface HeaderProps {
  readonly state: DashboardState;
  readonly width: number;
  readonly colorful: boolean;
}

/** Scenario, seed, fidelity and simulated time; progress with ETA, speed, pace and pause. */
export function Header({ state, width, colorful }: HeaderProps) {
  const { snapshot, wall, control } = state;
  const title = snapshot ? `${snapshot.scenario} · seed ${snapshot.seed} · ${snapshot.fidelity}` : 'starting…';
  const at = snapshot?.at ?? '';
  const progress = snapshot?.progress ?? 0;
  const status = [
    `${String(Math.floor(progress * 100)).padStart(3)}%`,
    wall.etaSeconds === undefined ? '' : `ETA ${formatSeconds(wall.etaSeconds)}`,
    // While paused nothing runs: a rate would be a leftover; before the first measure there is none to show.
    control.paused || !(wall.eventsPerSecond > 0) ? '' : `${formatCountShort(Math.round(wall.eventsPerSecond))} events/s`,
    control.pace === undefined ? '' : `pace ${formatDuration(control.pace)}/s`,
  ]
    .filter(Boolean)
    .join('  ');
  const barWidth = Math.max(10, width - status.length - 12);
  return (
    <Box flexDirection="column">
      <Box justifyContent="space-between" width={width}>
        <Text wrap="truncate">
          <Text bold color={colorful ? 'green' : undefined}>
            livesim
          </Text>{' '}
          {title}
        </Text>
        <Text>{at}</Text>
      </Box>
      <Box width={width}>
        <ProgressBar progress={progress} width={barWidth} color={colorful ? 'green' : undefined} />
        <Text> {status}</Text>
        {control.paused ? <Text color={colorful ? 'yellow' : undefined}> ⏸ paused</Text> : null}
        {control.stopping ? <Text color={colorful ? 'yellow' : undefined}> stopping…</Text> : null}
      </Box>
    </Box>
  );
}
