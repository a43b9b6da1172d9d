import { useParams } from 'react-router';

import { StatusPageContainer } from '@/features/status/components/status-page';

export function StatusRoute() {
  const { slug = '' } = useParams();
  return <StatusPageContainer key={slug} slug={slug} />;
}
