import { createApiClient } from '../../api-client';
import { defaultServiceUrl } from '../../service-url';

const status = document.querySelector<HTMLParagraphElement>('#status');

async function showHealth(): Promise<void> {
  if (!status) return;
  try {
    const health = await createApiClient({ url: defaultServiceUrl }).health.query();
    status.textContent = health.status === 'ok' ? 'Service disponible' : 'Service dégradé';
  } catch {
    status.textContent = 'Service injoignable';
  }
}

void showHealth();
