// Every node test gets a fresh in-memory IndexedDB (the real IndexedDB algorithm, no mocks).
import "fake-indexeddb/auto";
