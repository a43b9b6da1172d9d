import { ConsolePlaceholder } from '@/app/routes/console/placeholder';

export default function BuildingsRoute() {
  return <ConsolePlaceholder part="buildings" />;
}
