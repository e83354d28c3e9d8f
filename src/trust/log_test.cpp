#include "trust/log.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "db/testing.hpp"
#include "trust/log_repo.hpp"
#include "trust/proof_json.hpp"
#include "trust/testing.hpp"

namespace brilliant::trust {
namespace {

class LogTest : public ::testing::Test {
 protected:
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  KeyPair key = new_key();
  TransparencyLog log{*db, key, "brilliant.example/log"};
};

}  // namespace

TEST_F(LogTest, EntriesGetIndexesInOrderAndProofsCheckAgainstASignedCheckpoint) {
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(log.append("event " + std::to_string(i), "now"), static_cast<uint64_t>(i));
  const auto cp = log.checkpoint("now");
  EXPECT_EQ(cp.size, 10u);
  auto read = read_checkpoint(cp.note, key.public_key);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->origin, "brilliant.example/log");
  EXPECT_EQ(read->root, cp.root);
  for (uint64_t i = 0; i < 10; ++i)
    EXPECT_TRUE(verify_inclusion(i, cp.size, bytes_of(leaf_hash(log.entry(i))),
                                 bytes(log.inclusion_proof(i, cp.size)), bytes_of(read->root))
                    .ok());
  // The log grows; the new checkpoint extends the old one.
  log.append("event 10", "now");
  const auto later = log.checkpoint("now");
  EXPECT_EQ(later.size, 11u);
  EXPECT_TRUE(verify_consistency(cp.size, later.size, bytes_of(cp.root), bytes_of(later.root),
                                 bytes(log.consistency_proof(cp.size, later.size)))
                  .ok());
  EXPECT_EQ(log.checkpoint("now").note, later.note);  // nothing new: the same checkpoint
  EXPECT_TRUE(log.check().ok());
}

TEST_F(LogTest, ATamperedCheckpointOrEntryIsFound) {
  log.append("a", "now");
  log.append("b", "now");
  const auto cp = log.checkpoint("now");
  auto forged = cp.note;
  forged[forged.find('\n') + 1] = '3';  // the size line: "2" -> "3"
  EXPECT_EQ(read_checkpoint(forged, key.public_key).error().code, "signature_invalid");
  EXPECT_EQ(read_checkpoint(cp.note, new_key().public_key).error().code, "signature_invalid");
  EXPECT_EQ(read_checkpoint("no blank line", key.public_key).error().code, "note_invalid");
  // Someone edits an entry in the database: the start-up check names it.
  const auto other = repo::to_hex(leaf_hash("c"));
  db->write([&](soci::session& sql) {
    sql << "UPDATE trust_log SET leaf_hash = :h WHERE idx = 1", soci::use(other);
  });
  TransparencyLog reopened{*db, key, "brilliant.example/log"};
  EXPECT_EQ(reopened.check().error().code, "log_tampered");
}

TEST_F(LogTest, AppendsFromManyThreadsNeitherCollideNorSkip) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) log.append("t" + std::to_string(t) + "-" + std::to_string(i), "now");
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(log.size(), 100u);
  std::set<std::string> entries;
  for (uint64_t i = 0; i < 100; ++i) entries.insert(log.entry(i));
  EXPECT_EQ(entries.size(), 100u);
}

}  // namespace brilliant::trust

namespace brilliant::trust {

TEST_F(LogTest, CoversSeesAppendsFromOtherWritersAndEntriesComeBackTheSame) {
  EXPECT_TRUE(log.covers(0));
  EXPECT_FALSE(log.covers(1));
  // Another writer (another node, or the certification's own transaction) appends.
  db->write([](soci::session& sql) { TransparencyLog::append(sql, "from elsewhere", "now"); });
  EXPECT_TRUE(log.covers(1));
  EXPECT_FALSE(log.covers(2));
  EXPECT_EQ(log.inclusion_proof(0, 1).size(), 0u);  // a tree of one: an empty path
  EXPECT_EQ(log.entry(0), "from elsewhere");
  EXPECT_EQ(log.entry(0), "from elsewhere");  // the second time from memory
  EXPECT_EQ(log.entry(5), "");
}

}  // namespace brilliant::trust

namespace brilliant::trust {

TEST_F(LogTest, ABatchTakesConsecutiveIndexesAcrossStatementChunks) {
  log.append("first", "now");
  std::vector<std::string> batch;
  for (int i = 0; i < 250; ++i) batch.push_back("batch " + std::to_string(i));  // three INSERT statements
  const auto first =
      db->write([&](soci::session& sql) { return TransparencyLog::append_all(sql, batch, "now"); });
  EXPECT_EQ(first, 1u);
  EXPECT_EQ(log.append("last", "now"), 251u);
  EXPECT_EQ(log.entry(1), "batch 0");
  EXPECT_EQ(log.entry(250), "batch 249");
  const auto cp = log.checkpoint("now");
  for (uint64_t i : {0u, 1u, 100u, 101u, 200u, 250u, 251u})
    EXPECT_TRUE(verify_inclusion(i, cp.size, bytes_of(leaf_hash(log.entry(i))),
                                 bytes(log.inclusion_proof(i, cp.size)), bytes_of(cp.root))
                    .ok())
        << i;
  EXPECT_TRUE(log.check().ok());
}

TEST_F(LogTest, ACertificatesProofNamesItsEntryAndCheckpointOnlyOnceLogged) {
  for (int i = 0; i < 3; ++i) log.append("entry " + std::to_string(i), "now");
  auto proof = certificate_proof(log, 1, "AC-7K2M-Q9PX", "course_completed", "now");
  ASSERT_TRUE(proof.has_value());
  EXPECT_EQ(proof->at("certificate").as_string(), "AC-7K2M-Q9PX");
  EXPECT_EQ(proof->at("event").as_string(), "course_completed");
  EXPECT_EQ(proof->at("tree_size").as_uint64(), 3u);
  EXPECT_EQ(proof->at("leaf_index").as_uint64(), 1u);
  EXPECT_TRUE(proof->at("checkpoint").as_object().contains("note"));
  EXPECT_FALSE(certificate_proof(log, 3, "AC-7K2M-Q9PX", "course_completed", "now").has_value());  // not yet
}

}  // namespace brilliant::trust
