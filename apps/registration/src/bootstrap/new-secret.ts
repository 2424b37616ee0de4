import { generateClientSecret } from '@extapps/contracts';

// Prints a new client secret, e.g. for BOOTSTRAP_ADMIN_CLIENT_SECRET:
// `npx nx run registration:new-secret`. Only this terminal ever sees it.
process.stdout.write(`${generateClientSecret().secret}\n`);
