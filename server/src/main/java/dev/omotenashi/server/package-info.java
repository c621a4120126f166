/** The Omotenashi server: HTTP doors, admin API, storage adapters and the CLI around the engine. */
package dev.omotenashi.server;
