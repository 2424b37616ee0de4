// Plays jest's part in a multi-project run: two global setups, tests in between, one teardown.
// Prints one JSON line for global-setup.int-spec.ts to check.
import globalSetup from '../global-setup';
import globalTeardown from '../global-teardown';

async function main(): Promise<void> {
  await globalSetup();
  const first = {
    KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
    MONGO_URL: process.env['MONGO_URL'],
  };
  await globalSetup();
  const second = {
    KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
    MONGO_URL: process.env['MONGO_URL'],
  };
  await globalTeardown();
  process.stdout.write(
    `RESULT ${JSON.stringify({ first, second, infra: process.env['EXTAPPS_INFRA'] })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
