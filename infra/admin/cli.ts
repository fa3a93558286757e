// `npm run admin -- <command>`: administration of the registry and the programmes, against the
// local stack (default) or, with --aws, the deployed one. See `npm run admin -- --help` and the
// README's "Administration" section.
import { type ParsedCommandLine, parseCommandLine } from './args.ts';
import { consoleOutput, type ExitCode, type Output } from './commands.ts';
import { applyTarget, connectTarget, describeTarget, resolveTarget, TargetError } from './target.ts';

/**
 * Runs the admin CLI with these arguments.
 * @returns the exit code: 0 done, 1 refused (invalid input, unreachable target) or failed,
 *   2 usage error or a command not available
 */
export async function runAdmin(argv: readonly string[], output: Output = consoleOutput): Promise<ExitCode> {
  const parsed: ParsedCommandLine = parseCommandLine(argv);
  if (parsed.kind === 'help') {
    output.out(parsed.text);
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    output.err(`Error: ${parsed.message}\n\n${parsed.usage}`);
    return 2;
  }
  try {
    const target = resolveTarget(parsed.target);
    applyTarget(target);
    const connected = await connectTarget(target);
    output.err(`Target: ${describeTarget(connected)}`);
    // The use cases log for CloudWatch (JSON lines); an operator reading the command's output wants
    // its own lines only, and warnings (set POWERTOOLS_LOG_LEVEL=INFO to see everything).
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    const { runCommand } = await import('./commands.ts');
    return await runCommand(parsed.command, {
      tableName: connected.tableName,
      target: connected,
      lang: parsed.lang,
      output,
    });
  } catch (error) {
    if (error instanceof TargetError) {
      output.err(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAdmin(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
