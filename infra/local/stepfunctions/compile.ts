// Compiles a definition into the copy the library runs (see engine.ts's header): Task and Wait
// states handed to the engine, Retry intervals scaled, names validated as AWS validates them.
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { InvalidDefinition, InvalidName } from './errors.ts';
import {
  type CompiledMachine,
  isObject,
  type Json,
  LIBRARY_TASK_TIMEOUT_SECONDS,
  type TaskMeta,
} from './internals.ts';

export function replaceInStrings(value: Json, search: string, replacement: string): Json {
  if (typeof value === 'string') return value.split(search).join(replacement);
  if (Array.isArray(value)) return value.map((item) => replaceInStrings(item, search, replacement));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceInStrings(item, search, replacement)]),
    );
  }
  return value;
}

/** Replaces "$$.State.Name" references (static per state) in a payload template. */
export function inlineStateName(template: unknown, stateName: string): unknown {
  if (Array.isArray(template)) return template.map((item) => inlineStateName(item, stateName));
  if (!isObject(template)) return template;
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) =>
      key.endsWith('.$') && value === '$$.State.Name'
        ? [key.slice(0, -2), stateName]
        : [key, inlineStateName(value, stateName)],
    ),
  );
}

export function validateName(name: string, what: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: AWS forbids control characters in names
  const forbidden = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;
  if (name.length < 1 || name.length > 80 || forbidden.test(name)) {
    throw new InvalidName(`Invalid ${what} name: '${name}'`);
  }
}

export function functionNameOf(reference: string): string {
  const parts = reference.split(':');
  if (reference.startsWith('arn:')) return parts[6] ?? reference;
  if (parts.length >= 3 && parts[1] === 'function') return parts[2] ?? reference;
  return parts[0] ?? reference;
}

export function analyzeTask(stateName: string, state: Record<string, unknown>): TaskMeta {
  const resource = typeof state.Resource === 'string' ? state.Resource : '';
  const meta: TaskMeta = {
    stateName,
    kind: 'task',
    resource,
    integration: 'unsupported',
    pattern: 'request-response',
    resourceType: '',
    resourceName: resource,
  };
  if (typeof state.TimeoutSeconds === 'number') meta.timeoutSeconds = state.TimeoutSeconds;
  if (typeof state.HeartbeatSeconds === 'number') meta.heartbeatSeconds = state.HeartbeatSeconds;
  const service = /^arn:aws[a-z-]*:states:[^:]*:[^:]*:([a-z0-9-]+):(.+)$/.exec(resource);
  if (service) {
    const [, type = '', name = ''] = service;
    meta.resourceType = type;
    meta.resourceName = name;
    let action = name;
    if (action.endsWith('.waitForTaskToken')) {
      meta.pattern = 'callback';
      action = action.slice(0, -'.waitForTaskToken'.length);
    } else if (action.endsWith('.sync:2')) {
      meta.pattern = 'sync2';
      action = action.slice(0, -'.sync:2'.length);
    } else if (action.endsWith('.sync')) {
      meta.pattern = 'sync';
      action = action.slice(0, -'.sync'.length);
    }
    if (type === 'lambda' && action === 'invoke') {
      meta.integration = 'lambda-invoke';
      if (meta.pattern !== 'callback') meta.pattern = 'request-response';
    } else if (type === 'states' && action === 'startExecution') {
      meta.integration = 'start-execution';
    }
  } else if (/^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?$/.test(resource)) {
    meta.integration = 'lambda-direct';
    meta.resourceType = 'lambda';
  }
  return meta;
}

/** Builds the definition the library runs (see the header comment) and the engine's view of it. */
export function compileDefinition(definition: Record<string, unknown>, timeScale: number): CompiledMachine {
  if (definition.QueryLanguage === 'JSONata') {
    throw new InvalidDefinition('QueryLanguage JSONata is not supported by the local engine (JSONPath only)');
  }
  try {
    new StateMachine(structuredClone(definition) as unknown as StateMachineDefinition, {
      validationOptions: { checkArn: false },
    });
  } catch (error) {
    throw new InvalidDefinition(error instanceof Error ? error.message : String(error));
  }
  const tasks = new Map<string, TaskMeta>();
  const types = new Map<string, string>();
  const seen = new Set<string>();

  const transformStates = (states: unknown): Record<string, unknown> => {
    if (!isObject(states)) throw new InvalidDefinition('States must be an object');
    return Object.fromEntries(
      Object.entries(states).map(([name, state]) => {
        if (seen.has(name)) throw new InvalidDefinition(`Duplicate state name: '${name}'`);
        seen.add(name);
        if (!isObject(state)) throw new InvalidDefinition(`State '${name}' must be an object`);
        return [name, transformState(name, state)];
      }),
    );
  };
  const transformBranch = (branch: unknown): unknown =>
    isObject(branch) ? { ...branch, States: transformStates(branch.States) } : branch;

  const transformState = (name: string, original: Record<string, unknown>): Record<string, unknown> => {
    const state: Record<string, unknown> = { ...original };
    const type = String(state.Type);
    types.set(name, type);
    if (state.ResultPath === '$') delete state.ResultPath;
    for (const key of ['Parameters', 'ResultSelector', 'ItemSelector']) {
      if (key in state) state[key] = inlineStateName(state[key], name);
    }
    if (Array.isArray(state.Catch)) {
      state.Catch = state.Catch.map((catcher: unknown) => {
        if (!isObject(catcher)) return catcher;
        const copy = { ...catcher };
        if (copy.ResultPath === '$') delete copy.ResultPath;
        return copy;
      });
    }
    if (Array.isArray(state.Retry)) {
      state.Retry = state.Retry.map((retrier: unknown) => {
        if (!isObject(retrier)) return retrier;
        const copy = { ...retrier };
        copy.IntervalSeconds =
          (typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1) * timeScale;
        if (typeof retrier.MaxDelaySeconds === 'number')
          copy.MaxDelaySeconds = retrier.MaxDelaySeconds * timeScale;
        return copy;
      });
    }
    switch (type) {
      case 'Task': {
        tasks.set(name, analyzeTask(name, state));
        const wrapper: Record<string, unknown> = {};
        if ('Parameters' in state) wrapper.p = state.Parameters;
        else wrapper['p.$'] = '$';
        if (typeof state.TimeoutSecondsPath === 'string') wrapper['t.$'] = state.TimeoutSecondsPath;
        if (typeof state.HeartbeatSecondsPath === 'string') wrapper['h.$'] = state.HeartbeatSecondsPath;
        state.Parameters = wrapper;
        delete state.TimeoutSecondsPath;
        delete state.HeartbeatSeconds;
        delete state.HeartbeatSecondsPath;
        state.TimeoutSeconds = LIBRARY_TASK_TIMEOUT_SECONDS;
        return state;
      }
      case 'Wait': {
        tasks.set(name, {
          stateName: name,
          kind: 'wait',
          resource: '',
          integration: 'unsupported',
          pattern: 'request-response',
          resourceType: '',
          resourceName: '',
        });
        const task: Record<string, unknown> = {
          Type: 'Task',
          Resource: 'arn:aws:states:::local:wait',
          TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
        };
        for (const key of ['Comment', 'InputPath', 'OutputPath', 'Next', 'End']) {
          if (key in state) task[key] = state[key];
        }
        const parameters: Record<string, unknown> = { 'input.$': '$' };
        if (state.Seconds !== undefined) parameters.seconds = state.Seconds;
        else if (state.Timestamp !== undefined) parameters.timestamp = state.Timestamp;
        else if (typeof state.SecondsPath === 'string') parameters['seconds.$'] = state.SecondsPath;
        else if (typeof state.TimestampPath === 'string') parameters['timestamp.$'] = state.TimestampPath;
        task.Parameters = parameters;
        return task;
      }
      case 'Parallel':
        if (Array.isArray(state.Branches)) state.Branches = state.Branches.map(transformBranch);
        return state;
      case 'Map':
        if (state.ItemProcessor !== undefined) state.ItemProcessor = transformBranch(state.ItemProcessor);
        if (state.Iterator !== undefined) state.Iterator = transformBranch(state.Iterator);
        return state;
      default:
        return state;
    }
  };

  const compiled: Record<string, unknown> = { ...definition, States: transformStates(definition.States) };
  const executionTimeoutSeconds =
    typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined;
  delete compiled.TimeoutSeconds;
  const result: CompiledMachine = {
    definition: compiled,
    tasks,
    types,
    topLevel: new Set(Object.keys(definition.States as Record<string, unknown>)),
  };
  if (executionTimeoutSeconds !== undefined) result.executionTimeoutSeconds = executionTimeoutSeconds;
  return result;
}
