import { useParams } from 'react-router';

import { useSession } from '@/features/auth/components/session-provider';
import { StatusPageContainer } from '@/features/status/components/status-page';

export function StatusRoute() {
  const { slug = '' } = useParams();
  const session = useSession();
  return <StatusPageContainer key={slug} slug={slug} signedIn={session.status === 'signed-in'} />;
}
