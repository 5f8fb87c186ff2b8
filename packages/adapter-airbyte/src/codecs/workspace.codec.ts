/** `GET /workspaces/{workspaceId}` answer (WorkspaceResponse): the gateway's check needs only the id. */
import * as t from 'io-ts';

export const WorkspaceResponse = t.type({ workspaceId: t.string });
export type WorkspaceResponse = t.TypeOf<typeof WorkspaceResponse>;

/** A workspace as the directory reads it (list items, `POST /workspaces`): its id and name. */
export const NamedWorkspaceResponse = t.type({ workspaceId: t.string, name: t.string });
export type NamedWorkspaceResponse = t.TypeOf<typeof NamedWorkspaceResponse>;

/** An item of a list whose content is not read, only counted. */
export const AnyItem = t.UnknownRecord;
