// A Tea request as the vendor's openapi-util signers take it, for the cross-checks.
import * as $tea from '@alicloud/tea-typescript';

export function teaRequest(method: string, pathname: string, query: Record<string, string>, headers: Record<string, string>): $tea.Request {
  const request = new $tea.Request();
  request.method = method;
  request.pathname = pathname;
  request.query = query;
  request.headers = headers;
  return request;
}
