/**
 * The @airtable/blocks-testing fixture format (a base snapshot: tables, fields, views, records).
 * The package does not export the type from its public entry, only TestDriver, whose constructor
 * takes one; naming it from there keeps every import on the public entry point, never dist/.
 */
import type TestDriver from '@airtable/blocks-testing';

export type FixtureData = ConstructorParameters<typeof TestDriver>[0];
