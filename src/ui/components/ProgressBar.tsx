import { Text } from 'ink';

export interface ProgressBarProps {
  /** 0-1. */
  readonly progress: number;
  readonly width: number;
  readonly color?: string | undefined;
}

export function ProgressBar({ progress, width, color }: ProgressBarProps) {
  const done = Math.max(0, Math.min(width, Math.round(progress * width)));
  return (
    <Text>
      <Text color={color}>{'█'.repeat(done)}</Text>
      <Text dimColor>{'░'.repeat(width - done)}</Text>
    </Text>
  );
}
