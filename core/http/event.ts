// The API Gateway v2 (HTTP API) event every HTTP handler receives, with the pieces middleware adds.
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> & {
    authorizer?: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'];
  };
};

export type BodyKind = 'json' | 'form';

/** Set by the parseBody middleware. */
export interface ParsedBody {
  kind: BodyKind;
  value: unknown;
}

export type ParsedHttpEvent = HttpEvent & { parsedBody: ParsedBody };

export function header(event: Pick<HttpEvent, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
