import { pgTableOf } from '../columns/pg-table';
import * as auth from '../tables/auth-tables';
import * as cluster from '../tables/cluster-tables';
import * as task from '../tables/task-tables';
import * as webhook from '../tables/webhook-tables';

/*
 * The PostgreSQL tables, built from the same specs as the SQLite ones (`../schema.ts`): the
 * same export names, property names and row types. Migrations: `drizzle-pg/`.
 */

export { auditKinds, userRoles, type AuditKind, type UserRole } from '../account-enums';

export const tasks = pgTableOf(task.tasks);
export const collections = pgTableOf(task.collections);
export const collectionItems = pgTableOf(task.collectionItems);
export const plans = pgTableOf(task.plans);
export const generations = pgTableOf(task.generations);
export const assets = pgTableOf(task.assets);
export const queuePauses = pgTableOf(task.queuePauses);
export const taskEvents = pgTableOf(task.taskEvents);

export const users = pgTableOf(auth.users);
export const sessions = pgTableOf(auth.sessions);
export const accounts = pgTableOf(auth.accounts);
export const verifications = pgTableOf(auth.verifications);
export const apiKeys = pgTableOf(auth.apiKeys);
export const auditEvents = pgTableOf(auth.auditEvents);
export const userQuotas = pgTableOf(auth.userQuotas);
export const runtimeSettings = pgTableOf(auth.runtimeSettings);

export const webhookEndpoints = pgTableOf(webhook.webhookEndpoints);
export const webhookDeliveries = pgTableOf(webhook.webhookDeliveries);

export const jobLeases = pgTableOf(cluster.jobLeases);
export const instanceNotices = pgTableOf(cluster.instanceNotices);
export const rateLimitHits = pgTableOf(cluster.rateLimitHits);
