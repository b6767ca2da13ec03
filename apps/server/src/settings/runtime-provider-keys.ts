import { CoreError, createSecretScrubber, type Logger, type ProviderRegistry } from '@genhub/core';
import type { DataSource } from '@genhub/db';
import type { Env } from '../env';
import { configuredSecrets } from '../providers';
import { clearRuntimeSetting } from './clear-runtime-setting';
import { deriveSettingsKey } from './derive-settings-key';
import { describeProviderKey } from './describe-provider-key';
import { loadRuntimeSettings, type StoredSetting } from './load-runtime-settings';
import { providerKeyNames, providerKeys, type ProviderKeyName } from '@genhub/api';
import type { ProviderKeysControl, ProviderKeyView, SettingsActor } from './provider-key-types';
import { saveRuntimeSetting } from './save-runtime-setting';

interface Attached {
  registry: ProviderRegistry;
  build: (env: Env) => ProviderRegistry;
  now: () => number;
}

const isProviderKeyName = (name: string): name is ProviderKeyName =>
  Object.hasOwn(providerKeys, name);

/**
 * Provider keys stored encrypted in the database, beside those in the environment (which win).
 * Setting or clearing one rebuilds that provider's adapter in the registry the scheduler reads,
 * and the secret scrubber knows a key from the moment it is set.
 */
export class RuntimeProviderKeys implements ProviderKeysControl {
  private stored: Map<string, StoredSetting>;
  /** Every value seen since start, cleared ones too: a call under way may still echo one. */
  private readonly values = new Set<string>();
  private scrubber: (text: string) => string = (text) => text;
  private attached: Attached | null = null;
  /** Told after this instance set or cleared a key (other instances then `reload()`). */
  onChange: () => void = () => undefined;

  /** The provider keys stored in `data`, read and decrypted. */
  static async load(
    data: DataSource,
    env: Env,
    signingSecret: Buffer,
  ): Promise<RuntimeProviderKeys> {
    const key = deriveSettingsKey(env.SECRET_KEY, signingSecret);
    return new RuntimeProviderKeys(
      data,
      env,
      signingSecret,
      key,
      await loadRuntimeSettings(data, key),
    );
  }

  private constructor(
    private readonly data: DataSource,
    private readonly env: Env,
    private readonly signingSecret: Buffer,
    private readonly key: Buffer,
    stored: Map<string, StoredSetting>,
  ) {
    this.stored = stored;
    for (const { value } of this.stored.values()) if (value !== null) this.values.add(value);
    this.rescrub();
  }

  /** Cuts every configured secret, runtime keys included, out of a text (logs, stored errors). */
  readonly scrubSecrets = (text: string): string => this.scrubber(text);

  /** The environment with stored keys filled in where no variable is set. */
  effectiveEnv(): Env {
    const view: Env = { ...this.env };
    for (const name of providerKeyNames) {
      const value = this.stored.get(name)?.value;
      if (this.env[name] === undefined && value != null) view[name] = value;
    }
    return view;
  }

  /**
   * The provider registry from the effective environment; `build` is kept to rebuild a
   * provider's adapter when one of its keys changes.
   */
  buildProviders(
    build: (env: Env) => ProviderRegistry,
    options: { log: Logger; now: () => number },
  ): ProviderRegistry {
    for (const row of this.list()) {
      if (row.error) options.log.warn({ name: row.name }, `stored ${row.name}: ${row.error}`);
    }
    const registry = build(this.effectiveEnv());
    this.attached = { registry, build, now: options.now };
    return registry;
  }

  list(): ProviderKeyView[] {
    return providerKeyNames.map((name) => this.describe(name));
  }

  async set(name: string, value: string, actor: SettingsActor): Promise<ProviderKeyView> {
    const known = this.known(name);
    const attached = this.requireAttached();
    // Before the adapter: a vendor error echoing the new key is scrubbed from the first call.
    this.values.add(value);
    this.rescrub();
    const at = attached.now();
    this.stored.set(
      known,
      await saveRuntimeSetting(this.data, this.key, { name, value, actor, at }),
    );
    this.rebuild(known, attached);
    this.onChange();
    return this.describe(known);
  }

  async clear(name: string, actor: SettingsActor): Promise<ProviderKeyView> {
    const known = this.known(name);
    const attached = this.requireAttached();
    await clearRuntimeSetting(this.data, { name, actor, at: attached.now() });
    this.stored.delete(known);
    this.rebuild(known, attached);
    this.onChange();
    return this.describe(known);
  }

  /** Reads the stored keys again (another instance changed one) and rebuilds what changed. */
  async reload(): Promise<void> {
    const attached = this.requireAttached();
    const loaded = await loadRuntimeSettings(this.data, this.key);
    const before = this.stored;
    this.stored = loaded;
    for (const { value } of this.stored.values()) if (value !== null) this.values.add(value);
    this.rescrub();
    for (const name of providerKeyNames) {
      if (before.get(name)?.value !== this.stored.get(name)?.value) this.rebuild(name, attached);
    }
  }

  private describe(name: ProviderKeyName): ProviderKeyView {
    return describeProviderKey(name, this.env[name], this.stored.get(name));
  }

  private known(name: string): ProviderKeyName {
    if (isProviderKeyName(name)) return name;
    throw new CoreError(
      'INVALID_INPUT',
      `"${name}" is not a provider key; choose one of ${providerKeyNames.join(', ')}`,
      'name',
    );
  }

  private requireAttached(): Attached {
    if (!this.attached) throw new Error('provider keys changed before the providers were built');
    return this.attached;
  }

  /** Puts a freshly configured adapter in place for the provider this key belongs to. */
  private rebuild(name: ProviderKeyName, attached: Attached): void {
    const { provider } = providerKeys[name];
    const next = attached.build(this.effectiveEnv());
    attached.registry.replace(next.all().filter((adapter) => adapter.id === provider));
  }

  private rescrub(): void {
    this.scrubber = createSecretScrubber([
      ...configuredSecrets(this.env, this.signingSecret),
      ...this.values,
    ]);
  }
}
