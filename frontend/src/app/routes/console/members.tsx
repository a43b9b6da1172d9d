import { ConsolePlaceholder } from '@/app/routes/console/placeholder';

export default function MembersRoute() {
  return <ConsolePlaceholder part="members" />;
}
