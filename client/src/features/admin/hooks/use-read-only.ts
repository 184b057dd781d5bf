import { useAppSelector } from '@/app/hooks';

/** Support staff may look at everything in the admin area but change nothing. */
export function useReadOnly(): boolean {
  return useAppSelector((s) => s.auth.user?.role !== 'admin');
}
