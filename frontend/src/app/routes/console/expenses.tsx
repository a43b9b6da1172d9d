import { ConsolePlaceholder } from '@/app/routes/console/placeholder';

export default function ExpensesRoute() {
  return <ConsolePlaceholder part="expenses" />;
}
