/**
 * How every command's help reads: each default said once. An option whose words already give its
 * default ("(default: one per core)") gets no second one from Commander, and a repeatable option's
 * empty list is not a default worth printing.
 */
import type { HelpConfiguration, Option } from 'commander';

function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`choices: ${option.argChoices.join(', ')}`);
  const saysDefault = /\(default[: ]/.test(option.description);
  const emptyList = Array.isArray(option.defaultValue) && option.defaultValue.length === 0;
  const takesValue = option.required || option.optional;
  if (!saysDefault && !emptyList && takesValue && option.defaultValue !== undefined) {
    extra.push(`default: ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
  }
  return extra.length === 0 ? option.description : `${option.description} (${extra.join('; ')})`;
}

export const HELP: HelpConfiguration = { optionDescription };
