/**
 * Conform's `getSelectProps` for a select of one value. A field sent twice
 * (a tampered or replayed form) comes back as a list, and React refuses a
 * list as a single select's default; the first value is what is shown.
 */
import { getSelectProps, type FieldMetadata } from '@conform-to/react';

export function getSingleSelectProps(meta: FieldMetadata<unknown>, options?: Parameters<typeof getSelectProps>[1]) {
  const { defaultValue, ...props } = getSelectProps(meta, options);
  return { ...props, defaultValue: Array.isArray(defaultValue) ? defaultValue[0] : defaultValue };
}
