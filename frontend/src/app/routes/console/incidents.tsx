import { ConsolePlaceholder } from '@/app/routes/console/placeholder';

export default function ConsolePage() {
  return <ConsolePlaceholder part="incidents" />;
}
