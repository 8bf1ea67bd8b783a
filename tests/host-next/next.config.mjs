// Next.js 16 with its defaults; nothing for the element. The root is this folder: the repository's
// own lock file above it is not this app's.
import { fileURLToPath } from 'node:url';

export default { turbopack: { root: fileURLToPath(new URL('.', import.meta.url)) } };
