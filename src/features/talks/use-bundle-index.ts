import { useQuery } from '@tanstack/react-query';
import { bundleQuery } from './api';
import { indexBundle } from './bundle-index';

/** The bundle and its lookups, derived from the one bundle query with `select`. */
export const useBundleIndex = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...bundleQuery(), select: indexBundle, enabled });
