import type { Translation } from '../../define';
import type { documentation as french } from '../documentation';

export const documentation: Translation<typeof french> = {
  'documentation.title': 'Documentation',
  'documentation.intro': 'User guides of the Covid-19 vaccine ordering service (summary of the French guides).',
  'documentation.toc': 'Contents',
  'documentation.loading': 'Loading the guides…',
  'documentation.loadFailed': 'The guides could not be loaded. Check your connection and retry.',
  'documentation.backToToc': 'Back to contents',
};
