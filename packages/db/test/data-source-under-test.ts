import type { DataSource } from '../src/data/data-source';

/** A dialect's data source, opened for a repository suite, and how to let it go. */
export interface DataSourceUnderTest {
  data: DataSource;
  close(): Promise<void>;
}

/** How a test file opens its dialect's data source for a suite. */
export type OpenDataSource = () => Promise<DataSourceUnderTest>;
