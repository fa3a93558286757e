// The REST API as the template defines it, not as the route table says: resources and methods from
// AWS::ApiGateway::Resource/Method, Lambda proxy integrations and the REQUEST authorizer by their
// URIs, gateway responses from AWS::ApiGateway::GatewayResponse, and API Gateway's permission to
// invoke each function from the AWS::Lambda::Permission resources. What the template lacks answers
// as API Gateway does (403 Missing Authentication Token).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayAuthorizerResult, APIGatewayProxyResult } from 'aws-lambda';
import { sendProxyResult, toAuthorizerEvent, toProxyEvent } from '../local/api-server.ts';
import type { CloudAssembly, Json, StackTemplate } from './cloud-assembly.ts';
import { iamPatternMatches } from './iam.ts';
import type { LambdaDefinition, LambdaHost } from './lambda-host.ts';
import { listenOnLoopback } from './loopback.ts';

interface ApiMethod {
  readonly logicalId: string;
  readonly httpMethod: string;
  readonly resourcePath: string;
  readonly function: LambdaDefinition;
  readonly authorizer?: { id: string; function: LambdaDefinition };
}

interface GatewayResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** API Gateway's default bodies for the responses the rehearsal can give. */
const defaultResponses: Record<string, GatewayResponse> = {
  MISSING_AUTHENTICATION_TOKEN: {
    statusCode: 403,
    headers: {},
    body: '{"message":"Missing Authentication Token"}',
  },
  UNAUTHORIZED: { statusCode: 401, headers: {}, body: '{"message":"Unauthorized"}' },
  ACCESS_DENIED: {
    statusCode: 403,
    headers: {},
    body: '{"message":"User is not authorized to access this resource"}',
  },
  AUTHORIZER_FAILURE: { statusCode: 500, headers: {}, body: '{"message": null}' },
  REQUEST_TOO_LARGE: { statusCode: 413, headers: {}, body: '{"message":"Request Too Long"}' },
  DEFAULT_5XX: { statusCode: 502, headers: {}, body: '{"message": "Internal server error"}' },
  INTEGRATION_FAILURE: { statusCode: 500, headers: {}, body: '{"message": "Internal server error"}' },
};

export interface RouteUse {
  readonly method: string;
  readonly resourcePath: string;
  count: number;
}

export interface ApiFinding {
  readonly kind: 'permission' | 'integration';
  readonly message: string;
}

export class RestApiFromTemplate {
  readonly apiId: string;
  readonly stage: string;
  /** The API's MinimumCompressionSize: answers at least this long are gzipped for clients that accept it. */
  readonly minimumCompressedBytes: number | undefined;
  readonly methods: ApiMethod[];
  readonly uses = new Map<string, RouteUse>();
  readonly findings: ApiFinding[] = [];
  private readonly responses = new Map<string, GatewayResponse>();
  private readonly permissions: { functionArn: string; principal: string; sourceArn?: string }[];

  private readonly assembly: CloudAssembly;
  private readonly lambdas: LambdaHost;

  constructor(assembly: CloudAssembly, lambdas: LambdaHost) {
    this.assembly = assembly;
    this.lambdas = lambdas;
    const apis = assembly.resourcesOfType('AWS::ApiGateway::RestApi');
    if (apis.length !== 1)
      throw new Error(`The rehearsal serves one REST API; the assembly has ${apis.length}`);
    const api = apis[0] as (typeof apis)[number];
    const stack = api.stack;
    this.apiId = assembly.ref(stack, api.logicalId);
    const compression = api.resource.Properties?.MinimumCompressionSize;
    this.minimumCompressedBytes = typeof compression === 'number' ? compression : undefined;
    const stage = assembly.resourcesOfType('AWS::ApiGateway::Stage')[0];
    this.stage = String(stage?.resource.Properties?.StageName ?? 'prod');
    const paths = this.resourcePaths(stack, api.logicalId);
    const authorizers = new Map(
      assembly.resourcesOfType('AWS::ApiGateway::Authorizer').map(({ logicalId, resource }) => [
        logicalId,
        {
          id: assembly.ref(stack, logicalId),
          function: this.functionOfUri(stack, resource.Properties?.AuthorizerUri),
        },
      ]),
    );
    this.methods = assembly.resourcesOfType('AWS::ApiGateway::Method').map(({ logicalId, resource }) => {
      const props = resource.Properties ?? {};
      const resourceRef = props.ResourceId as { Ref?: string; 'Fn::GetAtt'?: string[] };
      const resourcePath = resourceRef.Ref ? paths.get(resourceRef.Ref) : '/';
      if (resourcePath === undefined) throw new Error(`${logicalId}: unknown API resource`);
      const integration = props.Integration as { Type?: string; Uri?: Json } | undefined;
      if (integration?.Type !== 'AWS_PROXY')
        throw new Error(`${logicalId}: only Lambda proxy integrations are rehearsed`);
      const authorizerId = (props.AuthorizerId as { Ref?: string } | undefined)?.Ref;
      const authorizer = authorizerId ? authorizers.get(authorizerId) : undefined;
      if (props.AuthorizationType === 'CUSTOM' && !authorizer)
        throw new Error(`${logicalId}: CUSTOM without its authorizer`);
      return {
        logicalId,
        httpMethod: String(props.HttpMethod),
        resourcePath,
        function: this.functionOfUri(stack, integration.Uri),
        ...(authorizer ? { authorizer } : {}),
      };
    });
    for (const { resource } of assembly.resourcesOfType('AWS::ApiGateway::GatewayResponse')) {
      const props = (assembly.resolve(stack, resource.Properties as Json) ?? {}) as Record<string, Json>;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(
        (props.ResponseParameters ?? {}) as Record<string, string>,
      )) {
        const header = /^gatewayresponse\.header\.(.+)$/.exec(name)?.[1];
        if (header) headers[header] = value.replace(/^'|'$/g, '');
      }
      const type = String(props.ResponseType);
      const fallback = defaultResponses[type] ?? defaultResponses.DEFAULT_5XX;
      this.responses.set(type, {
        statusCode: Number(props.StatusCode ?? fallback?.statusCode ?? 500),
        headers,
        body: String(
          ((props.ResponseTemplates ?? {}) as Record<string, string>)['application/json'] ??
            fallback?.body ??
            '',
        ),
      });
    }
    this.permissions = assembly.resourcesOfType('AWS::Lambda::Permission').map(({ stack: s, resource }) => {
      const props = (assembly.resolve(s, resource.Properties as Json) ?? {}) as Record<string, string>;
      return {
        functionArn: String(props.FunctionName),
        principal: String(props.Principal),
        ...(props.SourceArn ? { sourceArn: String(props.SourceArn) } : {}),
      };
    });
    for (const method of this.methods)
      this.uses.set(`${method.httpMethod} ${method.resourcePath}`, {
        method: method.httpMethod,
        resourcePath: method.resourcePath,
        count: 0,
      });
  }

  /** Whether a service principal may invoke a function for this source ARN (its resource policy). */
  mayInvoke(fn: LambdaDefinition, principal: string, sourceArn: string): boolean {
    return this.permissions.some(
      (p) =>
        (p.functionArn === fn.arn || p.functionArn === fn.name) &&
        p.principal === principal &&
        (p.sourceArn === undefined || iamPatternMatches(p.sourceArn, sourceArn)),
    );
  }

  /** Serves the stage at http://127.0.0.1:<port>/<stage>/… */
  async start(onError: (error: unknown) => void): Promise<{ url: string; close(): Promise<void> }> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        onError(error);
        if (!response.headersSent) this.gatewayResponse(response, 'DEFAULT_5XX');
        else response.end();
      });
    });
    const { origin, close } = await listenOnLoopback(server);
    return { url: `${origin}/${this.stage}`, close };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const full = new URL(request.url ?? '/', 'http://rehearsal');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).byteLength;
      if (size > 10 * 1024 * 1024) return this.gatewayResponse(response, 'REQUEST_TOO_LARGE');
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const stagePrefix = `/${this.stage}`;
    if (full.pathname !== stagePrefix && !full.pathname.startsWith(`${stagePrefix}/`))
      return this.gatewayResponse(response, 'MISSING_AUTHENTICATION_TOKEN');
    const path = full.pathname.slice(stagePrefix.length) || '/';
    const url = new URL(`${path}${full.search}`, 'http://rehearsal');
    const httpMethod = request.method ?? 'GET';
    const match = this.match(httpMethod, path);
    if (!match) return this.gatewayResponse(response, 'MISSING_AUTHENTICATION_TOKEN');
    const { method, pathParameters } = match;
    const use = this.uses.get(`${method.httpMethod} ${method.resourcePath}`);
    if (use) use.count += 1;
    const event = toProxyEvent(request, url, body, {
      resource: method.resourcePath,
      pathParameters,
      accountId: this.assembly.account,
      apiId: this.apiId,
      stage: this.stage,
    });
    // What API Gateway tells the integration about where the request arrived.
    const domainName = `${this.apiId}.execute-api.${this.assembly.region}.${this.assembly.urlSuffix}`;
    event.requestContext.path = full.pathname;
    event.requestContext.domainName = domainName;
    for (const [name, value] of [
      ['Host', domainName],
      ['X-Forwarded-Proto', 'https'],
      ['X-Forwarded-Port', '443'],
    ] as const) {
      for (const key of Object.keys(event.headers))
        if (key.toLowerCase() === name.toLowerCase()) delete event.headers[key];
      for (const key of Object.keys(event.multiValueHeaders))
        if (key.toLowerCase() === name.toLowerCase()) delete event.multiValueHeaders[key];
      event.headers[name] = value;
      event.multiValueHeaders[name] = [value];
    }
    const methodArn = `arn:${this.assembly.partition}:execute-api:${this.assembly.region}:${this.assembly.account}:${this.apiId}/${this.stage}/${httpMethod}${path}`;
    if (method.authorizer) {
      const authorizerSource = `arn:${this.assembly.partition}:execute-api:${this.assembly.region}:${this.assembly.account}:${this.apiId}/authorizers/${method.authorizer.id}`;
      if (!this.mayInvoke(method.authorizer.function, 'apigateway.amazonaws.com', authorizerSource)) {
        this.findings.push({
          kind: 'permission',
          message: `API Gateway may not invoke the authorizer ${method.authorizer.function.logicalId} (${authorizerSource})`,
        });
        return this.gatewayResponse(response, 'AUTHORIZER_FAILURE');
      }
      const authorizerEvent = toAuthorizerEvent(event, methodArn);

      let result: APIGatewayAuthorizerResult;
      try {
        result = (await this.lambdas.invoke(
          method.authorizer.function,
          authorizerEvent,
        )) as APIGatewayAuthorizerResult;
      } catch (error) {
        const unauthorized = error instanceof Error && error.message === 'Unauthorized';
        return this.gatewayResponse(response, unauthorized ? 'UNAUTHORIZED' : 'AUTHORIZER_FAILURE');
      }
      const statements = result.policyDocument?.Statement ?? [];
      const allowed =
        statements.length > 0 &&
        statements.every((s) => s.Effect === 'Allow') &&
        statements.some(
          (s) => 'Resource' in s && [s.Resource].flat().some((r) => iamPatternMatches(String(r), methodArn)),
        );
      if (!allowed) return this.gatewayResponse(response, 'ACCESS_DENIED');
      event.requestContext.authorizer = { principalId: result.principalId, ...result.context };
    }
    const sourceArn = methodArn;
    if (!this.mayInvoke(method.function, 'apigateway.amazonaws.com', sourceArn)) {
      this.findings.push({
        kind: 'permission',
        message: `API Gateway may not invoke ${method.function.logicalId} for ${httpMethod} ${method.resourcePath}`,
      });
      return this.gatewayResponse(response, 'INTEGRATION_FAILURE');
    }
    let result: APIGatewayProxyResult;
    try {
      result = (await this.lambdas.invoke(method.function, event)) as APIGatewayProxyResult;
    } catch (error) {
      this.findings.push({
        kind: 'integration',
        message: `${method.function.logicalId} failed on ${httpMethod} ${path}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      });
      return this.gatewayResponse(response, 'DEFAULT_5XX');
    }
    if (!result || typeof result.statusCode !== 'number') {
      this.findings.push({
        kind: 'integration',
        message: `${method.function.logicalId} returned a malformed proxy response for ${httpMethod} ${path}`,
      });
      return this.gatewayResponse(response, 'DEFAULT_5XX');
    }
    sendProxyResult(response, result, {
      acceptEncoding: request.headers['accept-encoding'],
      minimumBytes: this.minimumCompressedBytes,
    });
  }

  /** API Gateway's matching: literal path parts before `{parameters}`. */
  private match(
    httpMethod: string,
    path: string,
  ): { method: ApiMethod; pathParameters: Record<string, string> } | undefined {
    const parts = path.split('/').filter(Boolean);
    let best: { method: ApiMethod; pathParameters: Record<string, string>; literal: number } | undefined;
    for (const method of this.methods) {
      if (method.httpMethod !== httpMethod && method.httpMethod !== 'ANY') continue;
      const pattern = method.resourcePath.split('/').filter(Boolean);
      if (pattern.length !== parts.length) continue;
      const pathParameters: Record<string, string> = {};
      let literal = 0;
      let ok = true;
      pattern.forEach((segment, i) => {
        const value = parts[i] ?? '';
        const parameter = /^\{(\w+)\}$/.exec(segment)?.[1];
        if (parameter) {
          try {
            pathParameters[parameter] = decodeURIComponent(value);
          } catch {
            pathParameters[parameter] = value;
          }
        } else if (segment === value) literal += 1;
        else ok = false;
      });
      if (ok && (!best || literal > best.literal)) best = { method, pathParameters, literal };
    }
    return best && { method: best.method, pathParameters: best.pathParameters };
  }

  private gatewayResponse(response: ServerResponse, type: string): void {
    const configured = this.responses.get(type) ?? defaultResponses[type] ?? defaultResponses.DEFAULT_5XX;
    const chosen = configured as GatewayResponse;
    response.writeHead(chosen.statusCode, { 'Content-Type': 'application/json', ...chosen.headers });
    response.end(chosen.body);
  }

  /** Full resource paths by logical ID, from PathPart and ParentId. */
  private resourcePaths(stack: StackTemplate, apiLogicalId: string): Map<string, string> {
    const resources = this.assembly
      .resourcesOfType('AWS::ApiGateway::Resource')
      .filter((r) => r.stack === stack);
    const paths = new Map<string, string>();
    const pathOf = (logicalId: string): string => {
      const known = paths.get(logicalId);
      if (known !== undefined) return known;
      const found = resources.find((r) => r.logicalId === logicalId);
      if (!found) throw new Error(`Unknown API resource ${logicalId}`);
      const props = found.resource.Properties ?? {};
      const parent = props.ParentId as { Ref?: string; 'Fn::GetAtt'?: string[] };
      const parentPath = parent.Ref
        ? pathOf(parent.Ref)
        : parent['Fn::GetAtt']?.[0] === apiLogicalId
          ? ''
          : undefined;
      if (parentPath === undefined)
        throw new Error(`${logicalId}: parent is neither a resource nor the API root`);
      const path = `${parentPath}/${String(props.PathPart)}`;
      paths.set(logicalId, path);
      return path;
    };
    for (const { logicalId } of resources) pathOf(logicalId);
    return paths;
  }

  /** The function a Lambda integration or authorizer URI invokes. */
  private functionOfUri(stack: StackTemplate, uri: Json | undefined): LambdaDefinition {
    const resolved = String(this.assembly.resolve(stack, uri));
    const arn = /functions\/(arn:[^/]+)\/invocations$/.exec(resolved)?.[1] ?? '';
    const fn = this.lambdas.byArn(arn);
    if (!fn) throw new Error(`No function for the integration URI ${resolved}`);
    return fn;
  }
}
