// Function defaults in one place: Node 24 on arm64, ESM bundle by the local esbuild, source maps,
// X-Ray, a log group with retention, Powertools settings.
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../functions.ts';

/** Repository root, from this file's location (never from the current directory). */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface AppFunctionProps {
  readonly spec: FunctionSpec;
  /** Environment variables beyond the defaults. */
  readonly environment?: Record<string, string>;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

export class AppFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: `${repositoryRoot}${props.spec.entry}`,
      handler: props.spec.handler ?? 'handler',
      description: props.spec.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.spec.memorySizeMb ?? 512,
      timeout: Duration.seconds(props.spec.timeoutSeconds ?? 15),
      tracing: Tracing.ACTIVE,
      logGroup,
      projectRoot: repositoryRoot,
      depsLockFilePath: `${repositoryRoot}package-lock.json`,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'percorso-pmi',
        POWERTOOLS_METRICS_NAMESPACE: 'PercorsoPmi',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        tsconfig: `${repositoryRoot}tsconfig.json`,
        metafile: false,
        // ESM bundles still meet CommonJS dependencies that call require().
        banner:
          "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
        // The nodejs24.x runtime ships AWS SDK v3: leaving it out halves bundles and cold starts.
        externalModules: ['@aws-sdk/*'],
        // Files the handler reads next to its bundle (e.g. Chart.js for the dashboard's charts).
        ...(props.spec.bundledFiles?.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  (props.spec.bundledFiles ?? []).map((file) => `cp "${inputDir}/${file}" "${outputDir}/"`),
              },
            }
          : {}),
      },
    });
  }
}
