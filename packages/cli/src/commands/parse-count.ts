import { InvalidArgumentError } from 'commander';

/** A commander argument parser for a non-negative whole number (ports, milliseconds). */
export const parseCount = (text: string): number => {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return Number(text);
};
