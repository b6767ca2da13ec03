/**
 * The schemas of the plain HTTP routes' answers, in one place so they can come from the API
 * contract once it describes those routes.
 */
export { asset as uploadReply } from '@genhub/core/schemas';
