import { Command, CommanderError } from 'commander';
import { DEFAULT_DB_PATH } from './context.ts';
import { registerCommands } from './commands/index.ts';

const program = new Command('zhijian')
  .description(
    '执检 — 民事执行检察监督平台：导入数据、运行监督模型、研判线索。\n' +
      'Zhijian — civil-enforcement supervision: import data, run supervision models, review leads.',
  )
  .option(
    '--db <path>',
    `数据库文件 / database file (默认 default ${DEFAULT_DB_PATH}, 环境变量 env ZHIJIAN_DB)`,
  )
  .option('--as <username>', '以平台用户身份操作（默认当前系统用户）/ act as this platform user')
  .helpOption('-h, --help', '显示帮助 / show help')
  .helpCommand('help [command]', '显示命令帮助 / help for a command')
  .showHelpAfterError('（用 --help 查看用法 / use --help for usage）')
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; every other commander error is a usage error: exit 2.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}
