/** `GET /workspaces/{workspaceId}` answer (WorkspaceResponse): only the id is needed. */
import * as t from 'io-ts';

export const WorkspaceResponse = t.type({ workspaceId: t.string });
export type WorkspaceResponse = t.TypeOf<typeof WorkspaceResponse>;
