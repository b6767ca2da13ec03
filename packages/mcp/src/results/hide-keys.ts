/** genhub API keys, wherever they appear in a text. */
const apiKey = /gh_[A-Za-z0-9_-]+/g;

/** The text with every API key replaced: no answer repeats one. */
export const hideKeys = (text: string): string => text.replace(apiKey, 'gh_…');
