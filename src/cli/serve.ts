// `yagura serve`: runs the server until SIGTERM/SIGINT, then drains what it acknowledged.
import type { Command } from 'commander';
import { createLogger, startYagura } from '../main.js';
import { configFor } from './context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the server: syslog and HTTP inputs, the event store and the API')
    .action(async (_options: unknown, command: Command) => {
      const config = configFor(command);
      const logger = createLogger(config);
      const running = await startYagura(config, logger);
      await new Promise<void>((resolve) => {
        let signals = 0;
        const onSignal = (signal: NodeJS.Signals) => {
          if (++signals > 1) {
            logger.warn({ signal }, 'Second signal: exiting without waiting for the drain.');
            process.exit(1);
          }
          logger.info({ signal }, 'Signal received.');
          running.stop().then(resolve, (error: unknown) => {
            logger.error({ err: error }, 'The drain failed.');
            process.exitCode = 1;
            resolve();
          });
        };
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
      });
    });
}
