// Backups that restore (issue 15, docs/decisions/008-backups.md).
//
// A backup root holds one folder per snapshot and one shared blob folder:
//   ROOT/20261129T180000Z/manifest.json   what was taken: tables with row counts, files and blobs with
//                        database.sqlite  SHA-256 (a consistent snapshot: SQLite's VACUUM INTO, or
//                        database.pgdump  pg_dump --snapshot inside the transaction that counted the rows)
//                        issuer.key       the certificate issuer's key (certificates cannot be re-signed
//                                         without it)
//   ROOT/blobs/ab/cdef...                 content-addressed like the live store, so each snapshot copies
//                                         only the blobs the previous ones did not already hold
// Restoring checks every checksum first and refuses a backup that does not match, or a target that is
// not empty; then it compares the restored row counts with the manifest.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "ops/inventory.hpp"

namespace brilliant::ops {

struct BackupFile {
  std::string name;
  std::string sha256;
  long long bytes = 0;
};

struct Manifest {
  std::string created_at;  // UTC, ISO 8601
  std::string backend;     // "sqlite" or "postgresql"
  long long schema = 0;    // the last migration applied
  std::vector<TableCount> tables;
  std::vector<BackupFile> files;
  std::vector<std::string> blobs;  // every blob a row referred to at the snapshot
  long long rows(std::string_view table) const;
};

std::string manifest_json(const Manifest& manifest);
Result<Manifest> parse_manifest(std::string_view text);
// A snapshot folder's manifest.json, read and parsed.
Result<Manifest> read_manifest(const std::filesystem::path& snapshot);

// Lower-case hex SHA-256 of a file's bytes, read in pieces; throws std::runtime_error when unreadable.
std::string file_sha256(const std::filesystem::path& path);

// Where a running installation keeps its data.
struct Places {
  std::string database_url;  // sqlite:PATH or postgresql://...
  std::filesystem::path blob_root;
  std::filesystem::path issuer_key;  // may not exist (no certificate issued yet)
};

struct BackupReport {
  std::filesystem::path folder;
  Manifest manifest;
  long long blobs_copied = 0;         // new to this root; the rest were there from earlier snapshots
  std::vector<std::string> problems;  // blobs the live store has lost or changed (not in the snapshot)
};

// Takes a snapshot of a live installation into root (created when missing) while it keeps serving.
// Throws std::runtime_error with the reason when it cannot (pg_dump failing, disk full); leaves no
// snapshot behind then.
BackupReport take_backup(db::Database& database, const Places& from, const std::filesystem::path& root,
                         const Clock& clock);

// The snapshot a path names: the folder itself when it holds a manifest, else the newest snapshot under it.
// Empty when there is none.
std::filesystem::path snapshot_folder(const std::filesystem::path& path);

// Everything wrong with a snapshot (missing or changed files and blobs); empty when it is whole.
std::vector<std::string> verify_backup(const std::filesystem::path& snapshot);

// Restores a snapshot into an empty database and blob folder (and writes the issuer key when the target
// has none). Refuses, touching nothing, when the snapshot does not verify or the target is not empty.
Result<Manifest> restore_backup(const std::filesystem::path& path, const Places& to);

// Keeps the newest `keep` snapshots under root, removes the rest and any blob no kept snapshot lists.
// Returns how many snapshots were removed.
int prune_backups(const std::filesystem::path& root, int keep);

}  // namespace brilliant::ops
