-- A private collection is its own world: its documents live in an index of their own beside the
-- public one (INDEX/collections/KEY/), named by a random storage key that also makes their ids.
-- Existing collections are given their key by the workspace when it opens (portable SQL has no
-- random hex of its own). A file's place in a collection is kept by its content as before, and
-- now by where it lies too (the folders and files given to a collection, beside its index).
ALTER TABLE collections ADD COLUMN storage_key VARCHAR(32);
CREATE UNIQUE INDEX collections_storage_key ON collections (storage_key);
ALTER TABLE collection_files ADD COLUMN path VARCHAR(4000);
