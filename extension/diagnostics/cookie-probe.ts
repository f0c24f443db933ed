import { zProbeMessage, type ProbeOutcome } from './facts';

/**
 * Loads the service's probe page (/probe/cookies) in a hidden frame of this extension page
 * and waits for its report. Only messages from that frame and that origin count, and they
 * are validated: they come from a web page.
 */
export function runCookieProbe(serviceUrl: string, timeoutMs: number, doc: Document = document): Promise<ProbeOutcome> {
  const origin = new URL(serviceUrl).origin;
  const frame = doc.createElement('iframe');
  frame.hidden = true;
  frame.title = 'Vérification des cookies';
  frame.src = `${serviceUrl}/probe/cookies`;
  return new Promise<ProbeOutcome>((resolve) => {
    const finish = (outcome: ProbeOutcome) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(outcome);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      const parsed = zProbeMessage.safeParse(event.data);
      if (parsed.success) finish({ status: 'done', result: parsed.data.result });
    };
    const timer = setTimeout(() => finish({ status: 'timeout' }), timeoutMs);
    window.addEventListener('message', onMessage);
    doc.body.append(frame);
  });
}
