// An API answer other than 2xx, with the field errors the API sent.
export class ApiError extends Error {
  readonly status: number;
  readonly body: { message?: string; errors?: Array<{ path: string; message: string }> } | null;
  constructor(status: number, body: ApiError['body']) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

