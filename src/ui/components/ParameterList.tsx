import { Box, Text } from 'ink';
import type { StudioParameter } from '../../experiment/studio/studio-parameters.js';
import { fit } from './text.js';

export interface ParameterListProps {
  readonly parameters: readonly StudioParameter[];
  readonly selected: string | undefined;
  readonly valueOf: (path: string) => number;
  readonly width: number;
  /** Lines it may use. */
  readonly height: number;
}

type Line = { readonly heading: string } | { readonly parameter: StudioParameter };

const shown = (value: number) => String(Number(value.toPrecision(4)));

/** A field's name in `width`: its leading parts dropped first (`commission.welfareRate` → `welfareRate`), then cut. */
function fieldName(field: string, width: number): string {
  const parts = field.split('.');
  while (parts.length > 1 && parts.join('.').length > width) parts.shift();
  return parts.join('.');
}

/** The parameters by entity (a heading per entity), scrolled to keep the selected one in view; with room, each with its prior range and unit. */
export function ParameterList({ parameters, selected, valueOf, width, height }: ParameterListProps) {
  const lines: Line[] = [];
  let last = '';
  for (const parameter of parameters) {
    const heading = parameter.entity === '' ? parameter.group : `${parameter.group} ${parameter.entity}`;
    if (heading !== last) lines.push({ heading });
    last = heading;
    lines.push({ parameter });
  }
  const at = Math.max(0, lines.findIndex((line) => 'parameter' in line && line.parameter.path === selected));
  const first = Math.max(0, Math.min(at - Math.floor(height / 2), lines.length - height));
  const valueWidth = 9;
  // Where there is room (a terminal of about 116 columns or more), each row shows its prior range and unit too; at 80 the line below the list does.
  const rangeWidth = width >= 44 ? 16 : 0;
  const fieldWidth = Math.max(8, width - valueWidth - 3 - rangeWidth);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(first, first + height).map((line) => {
        if ('heading' in line) return <Text key={`h:${line.heading}`} bold wrap="truncate">{fit(line.heading, width)}</Text>;
        const { parameter } = line;
        const value = valueOf(parameter.path);
        const mine = parameter.path === selected;
        const moved = value !== parameter.value;
        return (
          <Text key={parameter.path} inverse={mine} wrap="truncate">
            {fit(`${mine ? '›' : ' '} ${fieldName(parameter.field, fieldWidth - 2)}`, fieldWidth)} <Text bold={moved}>{shown(value).padStart(valueWidth)}</Text>
            {moved ? '*' : ' '}
            {rangeWidth > 0 ? <Text dimColor>{fit(` ${shown(parameter.low)}–${shown(parameter.high)} ${parameter.unit === 'share' ? '' : parameter.unit}`, rangeWidth)}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
