import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  GATEWAY_SECRET_HEADER,
  logError,
  logSubgraphErrors,
  serviceCalls,
  subgraphFailure,
  type ServiceCalls,
  type SubgraphCall,
} from '@samen-sterk/subgraph-runtime';
import { Kind, OperationTypeNode, parse, type DocumentNode } from 'graphql';
import type { Agent } from 'undici';
import { restrictCachePolicy } from './cache-policy';
import { agentFetcher, withCallSignal } from './connections';
import { InFlight } from './dedup';
import { distinctEntities } from './distinct-entities';

/** What the data source needs of the gateway's request context. */
export interface CallerContext {
  /** The caller's Authorization header, forwarded so each subgraph checks the token itself. */
  authorization: string | null;
}

type Answer = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** A copy of an answer for a second caller of a shared request (`dedup.ts`). */
const copyOf = (answer: Answer): Answer => ({
  ...answer,
  data: answer.data && structuredClone(answer.data),
  errors: answer.errors && structuredClone(answer.errors),
  extensions: answer.extensions && structuredClone(answer.extensions),
});

function kindOfDocument(document: DocumentNode | undefined): OperationTypeNode | undefined {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? operation.operation : undefined;
}

/**
 * The kind of each subgraph operation the query planner wrote, by its text. Apollo's fetch
 * nodes carry only the text, and parsing it again on every call cost more than the rest of the
 * data source. The texts are the planner's, so there are as many as cached plans have fetches;
 * the memory is bounded all the same, and starts again when full.
 */
const kindsByQuery = new Map<string, OperationTypeNode | undefined>();
const KINDS_REMEMBERED = 5_000;

function operationKind(document: DocumentNode | undefined, query: string | undefined): OperationTypeNode | undefined {
  if (document) return kindOfDocument(document);
  if (!query) return undefined;
  if (kindsByQuery.has(query)) return kindsByQuery.get(query);
  let kind: OperationTypeNode | undefined;
  try {
    kind = kindOfDocument(parse(query));
  } catch {
    kind = undefined;
  }
  if (kindsByQuery.size >= KINDS_REMEMBERED) kindsByQuery.clear();
  kindsByQuery.set(query, kind);
  return kind;
}

/**
 * One subgraph as the gateway calls it. Forwards the caller's token and proves to the subgraph
 * that the request comes from us; sends each distinct entity reference once; joins identical
 * reads already under way; limits each call's time, asks reads again after a passing failure
 * and stops asking a subgraph that keeps failing (`resilience/policies.ts` in the runtime).
 * A failure is logged (which subgraph, operation, path, cause; never variables or bodies) and
 * the caller told in a sentence naming the service (`subgraph-calls.ts`); the rest of the
 * answer stands.
 */
export class PlatformDataSource<Context extends CallerContext> extends RemoteGraphQLDataSource<Context> {
  readonly calls: ServiceCalls;
  readonly reads = new InFlight<Answer>(copyOf);

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly gatewaySecret: string,
    agent: Agent,
  ) {
    super({ url, fetcher: agentFetcher(agent) });
    // Applied by us to every answer, shared or not (cache-policy.ts).
    this.honorSubgraphCacheControlHeader = false;
    this.calls = serviceCalls(serviceName, undefined, (state) =>
      logError(`gateway: the circuit to a subgraph is ${state}`, {
        subgraph: serviceName,
        meaning:
          state === 'open'
            ? 'calls fail at once until it is tried again'
            : state === 'half-open'
              ? 'one call tries it again'
              : 'it answers again',
      }),
    );
  }

  override async process(options: GraphQLDataSourceProcessOptions<Context>): Promise<Answer> {
    const call: SubgraphCall = {
      service: this.serviceName,
      operationName: options.request.operationName,
      query: options.request.query,
    };
    if ('incomingRequestContext' in options) {
      call.operationName = options.incomingRequestContext.operationName ?? options.request.operationName;
      call.path = options.pathInIncomingRequest?.map((key) => (typeof key === 'object' ? '@' : key));
      call.document = options.document;
    }
    // Anything but a plain query (a mutation, or what we cannot tell) is a write: never repeated, never shared.
    call.kind = operationKind(call.document, options.request.query) === OperationTypeNode.QUERY ? 'read' : 'write';

    const distinct = distinctEntities(options.request.variables?.representations);
    const sent = distinct
      ? {
          ...options,
          request: {
            ...options.request,
            variables: { ...options.request.variables, representations: distinct.representations },
          },
        }
      : options;
    const send = () => this.calls.run(call.kind!, (signal) => withCallSignal(signal, () => super.process(sent)));

    let response: Answer;
    try {
      if (call.kind === 'read') {
        const { query, variables, operationName } = sent.request;
        const key = JSON.stringify([
          sent.context.authorization ?? null,
          operationName ?? null,
          query,
          variables ?? null,
        ]);
        response = await this.reads.run(key, send);
      } else {
        response = await send();
      }
    } catch (error) {
      throw subgraphFailure(call, error);
    }
    restrictCachePolicy(options, response.http?.headers);
    if (distinct) response = distinct.spread(response);
    logSubgraphErrors(call, response.errors);
    return response;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>) {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    const authorization = (context as Partial<CallerContext>).authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
  }
}
