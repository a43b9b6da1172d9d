import { useMutation } from '@tanstack/react-query';

import type { Receipt, SignUp } from '@/features/auth/types';
import { api } from '@/lib/api-client';

/** Opens a resident's account, pending until a manager of the condo activates it. */
export async function register(signUp: SignUp): Promise<Receipt> {
  const response = await api.post<Receipt>('/auth/register', signUp);
  return response.data;
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
