import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { ConsoleLoadError, ConsoleNotFound } from '@/app/routes/console/refusals';
import { Spinner } from '@/components/ui/spinner';
import { ApiError } from '@/lib/api-client';

type CondoRecordProps<T extends { copro_id: string }> = {
  /** The read of one ticket, incident…: it must belong to the console's condo. */
  read: UseQueryResult<T>;
  /** What else the page needs before it can show the record. */
  also: { ready: boolean; failed: boolean; retry: () => void };
  loading: string;
  children: (record: T) => ReactNode;
};

/** One record of the condo once it is read; "not found" for one that does not exist or belongs
 * to another condo (even one the caller also manages: this console is about this condo). */
export function CondoRecord<T extends { copro_id: string }>({ read, also, loading, children }: CondoRecordProps<T>) {
  const { condo } = useConsoleCondo();
  const elsewhere = read.data !== undefined && read.data.copro_id !== condo.id;
  if ((read.error instanceof ApiError && read.error.status === 404) || elsewhere) return <ConsoleNotFound />;
  if (read.isError || also.failed) {
    return (
      <ConsoleLoadError
        onRetry={() => {
          void read.refetch();
          also.retry();
        }}
      />
    );
  }
  if (!read.data || !also.ready) return <Spinner label={loading} />;
  return children(read.data);
}
