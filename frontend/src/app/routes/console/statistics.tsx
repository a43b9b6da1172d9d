import { ConsolePlaceholder } from '@/app/routes/console/placeholder';

export default function StatisticsRoute() {
  return <ConsolePlaceholder part="statistics" />;
}
